package dev.seatlink.terminal;

/** A configuration value is missing or wrong; the message names the source, the key and the rule. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
