package dev.seatlink.gateway.apply;

import dev.seatlink.protocol.Command;

/** Sends a command to a seat (on its {@code cmd} topic); the seat answers on {@code cmd-result}. */
public interface CommandSender {
    /** A supervisor's (or the floor's) command, queued for a seat that is away: QoS 1. */
    void command(String seat, Command command);

    /**
     * What the floor asks of a seat on its own and asks again until answered — a {@code replay} of a gap, a
     * {@code rebirth}: sent at most once (QoS 0). A seat that is away misses it and is asked again when it is back.
     * On a NATS cluster QoS 0 reaches a seat whose subscription's consumer died with a node (it comes over the seat's
     * connection), and asks nothing of JetStream while it elects new leaders.
     */
    void ask(String seat, Command command);
}
