package dev.seatlink.protocol;

import java.util.List;

/** Valid messages as the contract's examples write them. */
final class Samples {
    static final long T = 1_732_330_000_123L;
    static final String BOOT = "6f1c2b9e-0d4a-4c1e-9a51-3f2d7c8e1b00";

    private Samples() {
    }

    static SeatEvent event(long seq) {
        return new SeatEvent("s-014", "a1029", AgentState.READY, AgentState.NOT_READY, "break", false, T, seq, BOOT,
                Cause.BUTTON);
    }

    static SeatState state() {
        return new SeatState("s-014", "a1029", AgentState.NOT_READY, "break", false, T, 5012, BOOT);
    }

    static SeatConfig config() {
        return new SeatConfig("s-014", "a1029", "billing-1", List.of("break", "lunch", "meeting", "training", "coaching"),
                30, AgentState.READY);
    }

    static Topic topic(Topic.Kind kind) {
        return kind.perSeat() ? Topic.seat("hq", "f1", "s-014", kind) : Topic.floor("hq", "f1", kind);
    }
}
