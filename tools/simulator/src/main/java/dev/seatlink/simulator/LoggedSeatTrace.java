package dev.seatlink.simulator;

import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * A floor's {@link SeatTrace} as tinylog entries of the tag {@value #TAG}, one line per step ("f1 s-00002 connected
 * to tcp://127.0.0.1:4222"): where they go is the logging configuration's (the bench's {@code --trace-seats} writes
 * them to a file of the run, through tinylog's writing thread, off the seats' event loops).
 */
public final class LoggedSeatTrace implements SeatTrace {
    public static final String TAG = "seats";
    private static final TaggedLogger LOG = Logger.tag(TAG);

    private final String floor;

    public LoggedSeatTrace(String floor) {
        this.floor = floor;
    }

    @Override
    public void note(String seat, String what) {
        LOG.info("{} {} {}", floor, seat, what);
    }
}
