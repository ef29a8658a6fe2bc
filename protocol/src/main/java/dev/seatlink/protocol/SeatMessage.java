package dev.seatlink.protocol;

/** A payload that names its seat; the codec rejects it when that seat differs from the topic's. */
public interface SeatMessage {
    String seat();
}
