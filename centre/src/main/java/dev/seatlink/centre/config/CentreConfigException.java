package dev.seatlink.centre.config;

/** A wrong option or centre config: the message names it and the rule; the centre does not start (exit 2). */
public final class CentreConfigException extends RuntimeException {
    public CentreConfigException(String message) {
        super(message);
    }
}
