package dev.seatlink.gateway.site;

/** A seat map breaks a rule; the message names the file, the field and, where known, the line. */
public final class SiteConfigException extends RuntimeException {
    public SiteConfigException(String message) {
        super(message);
    }
}
