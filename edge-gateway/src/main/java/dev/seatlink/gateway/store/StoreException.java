package dev.seatlink.gateway.store;

/** The event store could not be read or written; the message names what and why. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
