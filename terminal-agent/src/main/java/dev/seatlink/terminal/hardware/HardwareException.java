package dev.seatlink.terminal.hardware;

/** A part could not be opened or driven; the message says which and what to check. */
public final class HardwareException extends RuntimeException {
    public HardwareException(String message, Throwable cause) {
        super(message, cause);
    }

    public HardwareException(String message) {
        super(message);
    }
}
