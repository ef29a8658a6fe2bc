package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The optional {@code phone} of a seat's config: present when the floor takes the seat's call state from a phone
 * system (its team has CTI on), so the seat follows {@link CallEvent}s and the Busy button is not needed.
 *
 * @param missedToNotReady consecutive missed calls (ring, no answer) after which the seat goes NOT_READY with
 *                         reason {@value #MISSED_REASON}, as Finesse does; an answered call starts the count again
 */
public record PhoneRules(@JsonProperty(required = true) int missedToNotReady) {
    public static final int MAX_MISSED = 10;
    /** The reason of the not ready that missed calls cause; every seat with phone rules accepts it. */
    public static final String MISSED_REASON = "missed";

    public PhoneRules {
        Check.that(missedToNotReady >= 1 && missedToNotReady <= MAX_MISSED, RejectReason.BAD_VALUE,
                "phone.missedToNotReady must be 1-" + MAX_MISSED);
    }
}
