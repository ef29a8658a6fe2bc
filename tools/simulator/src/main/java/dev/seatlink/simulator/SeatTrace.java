package dev.seatlink.simulator;

/**
 * What each seat did on its link, told as it happens: connects and closes, subscribes and their answers, events sent
 * and acknowledged, replays and rebirths asked of it. A bench run's failover is read from it afterwards: which seat
 * held a floor back, and where its time went. Called on the seats' event loops; must not block.
 */
public interface SeatTrace {
    /** Tells nothing: the default. */
    SeatTrace OFF = (seat, what) -> { };

    void note(String seat, String what);
}
