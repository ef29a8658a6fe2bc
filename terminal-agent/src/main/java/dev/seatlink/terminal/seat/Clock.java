package dev.seatlink.terminal.seat;

/** Wall-clock time in ms since epoch; injected so timers can be tested without waiting. */
@FunctionalInterface
public interface Clock {
    long millis();

    static Clock system() {
        return System::currentTimeMillis;
    }
}
