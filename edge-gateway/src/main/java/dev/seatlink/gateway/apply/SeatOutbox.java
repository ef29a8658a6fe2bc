package dev.seatlink.gateway.apply;

/** What the floor sends to a seat over the broker link: commands, and its retained config again. */
public interface SeatOutbox extends CommandSender {
    /** The seat's retained config again, with the floor's latest {@code lastSeq} for it. */
    void config(String seat);
}
