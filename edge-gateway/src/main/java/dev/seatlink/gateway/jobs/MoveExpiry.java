package dev.seatlink.gateway.jobs;

import dev.seatlink.gateway.moves.FloorLayout;

/** Every five seconds: a move made for the rest of the shift ends with the shift. */
public final class MoveExpiry implements PeriodicJob {
    private final FloorLayout layout;

    public MoveExpiry(FloorLayout layout) {
        this.layout = layout;
    }

    @Override
    public long periodMs() {
        return 5_000;
    }

    @Override
    public void run() {
        layout.endFinishedMoves();
    }
}
