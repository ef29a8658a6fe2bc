package dev.seatlink.gateway.apply;

import dev.seatlink.protocol.Command;

/** Sends a command to a seat (on its {@code cmd} topic); the seat answers on {@code cmd-result}. */
public interface CommandSender {
    void command(String seat, Command command);
}
