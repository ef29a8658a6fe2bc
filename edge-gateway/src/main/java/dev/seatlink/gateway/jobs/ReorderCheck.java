package dev.seatlink.gateway.jobs;

import dev.seatlink.gateway.apply.FloorUpdater;

/** Releases events held for a missing seq once it is overdue, and asks seats to replay gaps. */
public final class ReorderCheck implements PeriodicJob {
    private final FloorUpdater updater;

    public ReorderCheck(FloorUpdater updater) {
        this.updater = updater;
    }

    @Override
    public long periodMs() {
        return 250;
    }

    @Override
    public void run() {
        updater.tick();
    }
}
