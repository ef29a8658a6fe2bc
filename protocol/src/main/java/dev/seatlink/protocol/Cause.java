package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** What made a transition happen; the wire value is the lowercase name. */
public enum Cause {
    BUTTON,
    TIMER,
    HEADSET,
    SUPERVISOR,
    CONFIG,
    STARTUP;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
