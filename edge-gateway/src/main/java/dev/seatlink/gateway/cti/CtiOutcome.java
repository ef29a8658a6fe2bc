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
    /**
     * A forward the broker did not take: the webhook answers 503, so the sender tries again; one from the topic or the
     * AMI link is sent again by the gateway (each try counted).
     */
    FAILED,
    /** Heard by a standby gateway: the primary forwards it (the standby keeps it 30 s, forwarded if it takes over). */
    STANDBY,
    /** From the topic or the AMI link, dropped unsent: 10,000 newer ones were waiting for the broker. */
    DROPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
