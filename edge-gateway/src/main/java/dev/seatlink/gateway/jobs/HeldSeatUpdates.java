package dev.seatlink.gateway.jobs;

import dev.seatlink.gateway.web.LiveUpdates;

/** Sends the wallboards the seat updates held back by the per-seat throttle (they wait at most 250 ms + this). */
public final class HeldSeatUpdates implements PeriodicJob {
    private final LiveUpdates live;

    public HeldSeatUpdates(LiveUpdates live) {
        this.live = live;
    }

    @Override
    public long periodMs() {
        return 50;
    }

    @Override
    public void run() {
        live.flushHeld();
    }
}
