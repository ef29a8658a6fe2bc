package dev.seatlink.gateway.ingest;

import dev.seatlink.protocol.Command;

/** What the floor sends to a seat over the broker link. */
public interface SeatOutbox {
    /** A command on the seat's {@code cmd} topic. */
    void command(String seat, Command command);

    /** The seat's retained config again, with the floor's latest {@code lastSeq} for it. */
    void config(String seat);
}
