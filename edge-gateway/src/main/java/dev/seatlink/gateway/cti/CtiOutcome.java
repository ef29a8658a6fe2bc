package dev.seatlink.gateway.cti;

import java.util.Locale;

/** What became of one phone-system event; the label is the {@code outcome} of {@code seatlink_cti_events_total}. */
public enum CtiOutcome {
    /** Sent to its seat. */
    FORWARDED,
    /** Its id was taken already: ignored. */
    REPEAT,
    /** The ACD's agent or device name is no seat's in the site config. */
    UNMAPPED,
    /** The queue pause as the ACD reports it: kept at the gateway, not sent to the seat. */
    PAUSE,
    /** Refused: not a valid event (the reason is counted with the other rejections). */
    INVALID,
    /** Not forwarded: the broker did not take it (the webhook answers 503, so the sender tries again). */
    FAILED,
    /** Heard by a standby gateway: the primary forwards it. */
    STANDBY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
