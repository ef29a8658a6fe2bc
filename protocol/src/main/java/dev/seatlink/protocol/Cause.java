package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** What made a transition happen; the wire value is the lowercase name. */
public enum Cause {
    BUTTON,
    TIMER,
    HEADSET,
    SUPERVISOR,
    CONFIG,
    STARTUP,
    /** The phone system (a CTI event the gateway forwarded). */
    PHONE,
    /** A badge sign-in, here or (signing this seat out) at another seat. */
    BADGE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
