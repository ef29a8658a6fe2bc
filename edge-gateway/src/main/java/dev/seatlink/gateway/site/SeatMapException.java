package dev.seatlink.gateway.site;

/** A seat map breaks a rule; the message names the file, the field and, where known, the line. */
public final class SeatMapException extends RuntimeException {
    public SeatMapException(String message) {
        super(message);
    }
}
