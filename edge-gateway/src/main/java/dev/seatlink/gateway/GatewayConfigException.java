package dev.seatlink.gateway;

/** An option of the gateway that breaks a rule: the message names the option and the rule. */
public final class GatewayConfigException extends IllegalArgumentException {
    public GatewayConfigException(String message) {
        super(message);
    }
}
