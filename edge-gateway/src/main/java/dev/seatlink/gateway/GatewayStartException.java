package dev.seatlink.gateway;

/** The gateway could not start; the message is one line saying what and why. */
public final class GatewayStartException extends RuntimeException {
    public GatewayStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
