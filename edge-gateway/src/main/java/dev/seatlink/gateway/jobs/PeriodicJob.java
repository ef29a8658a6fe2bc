package dev.seatlink.gateway.jobs;

/** Something the gateway does every so often on the floor's event loop; the composition root schedules it. */
public interface PeriodicJob {
    long periodMs();

    /** Runs on the event loop: anything slow goes to a worker. */
    void run();
}
