package dev.seatlink.gateway.jobs;

/** A tick that can be run before its time ({@link FloorTick}). */
public interface EarlyTick {
    /** When the last tick started (floor clock), 0 before the first. */
    long lastRunAt();

    void runEarly();
}
