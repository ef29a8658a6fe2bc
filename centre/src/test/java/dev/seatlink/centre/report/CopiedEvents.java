package dev.seatlink.centre.report;

import dev.seatlink.gateway.store.StoredEvent;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;

/** Events as a floor's gateway copies them to the centre store, for the report tests. */
public final class CopiedEvents {
    private CopiedEvents() {
    }

    /** A button transition of {@code seat}'s agent {@code a-SEAT} at {@code at}, stored then too. */
    public static StoredEvent event(String seat, long seq, AgentState from, AgentState to, long at) {
        return new StoredEvent(new SeatEvent(seat, "a-" + seat, from, to, null, false, at, seq, "b-1", Cause.BUTTON),
                at);
    }
}
