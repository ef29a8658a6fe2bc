package dev.seatlink.terminal.seat;

/** A clock the test moves by hand. */
public final class FakeClock implements Clock {
    private volatile long now;

    public FakeClock(long start) {
        this.now = start;
    }

    @Override
    public long millis() {
        return now;
    }

    public void advanceSeconds(long seconds) {
        now += seconds * 1000;
    }

    public void advanceMillis(long millis) {
        now += millis;
    }
}
