package dev.seatlink.gateway.jobs;

import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;

/**
 * A raised hand reaches the centre within a second: the floor's summary goes out with the tick, once a second,
 * so a hand raised just after one would wait for the next. Every {@value #PERIOD_MS} ms this looks whether a hand
 * went up since and, if the last tick is at least {@value #SPACING_MS} ms old, runs one now — at most four ticks a
 * second however many hands rise.
 */
public final class HandsFirst implements PeriodicJob {
    static final long PERIOD_MS = 100;
    static final long SPACING_MS = 250;

    private final FloorModel floor;
    private final EarlyTick tick;
    private final FloorClock clock;
    private long handsSeen;

    public HandsFirst(FloorModel floor, EarlyTick tick, FloorClock clock) {
        this.floor = floor;
        this.tick = tick;
        this.clock = clock;
        this.handsSeen = floor.handsRaised();
    }

    @Override
    public long periodMs() {
        return PERIOD_MS;
    }

    @Override
    public void run() {
        long raised = floor.handsRaised();
        if (raised != handsSeen && clock.millis() - tick.lastRunAt() >= SPACING_MS) {
            handsSeen = raised;
            tick.runEarly();
        }
    }
}
