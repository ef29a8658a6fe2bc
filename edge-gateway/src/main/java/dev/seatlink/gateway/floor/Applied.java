package dev.seatlink.gateway.floor;

/**
 * What applying one message did to the floor.
 *
 * @param missing how many seqs were skipped before this event (a gap), 0 otherwise
 * @param rebirth the seat sent data while not shown online (before any status, or after its offline status — a Last
 *                Will may come after the seat reconnected): ask it to republish
 */
public record Applied(Effect effect, long missing, boolean rebirth) {

    public enum Effect {
        /** The seat's view changed. */
        CHANGED,
        /** Valid, but the view is as it was. */
        UNCHANGED,
        /** An event whose seq was already applied. */
        DUPLICATE,
        /** A state snapshot older than what was applied. */
        STALE_STATE,
        /** An offline status from an earlier boot: a late Last Will. */
        STALE_WILL,
        /** An online status of the current boot already applied: the broker handing it over again. */
        REDELIVERED_STATUS,
        /** The seat is not in the seat map. */
        UNKNOWN_SEAT
    }

    static Applied of(Effect effect) {
        return new Applied(effect, 0, false);
    }

    public boolean changed() {
        return effect == Effect.CHANGED;
    }
}
