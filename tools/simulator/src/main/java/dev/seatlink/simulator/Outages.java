package dev.seatlink.simulator;

/**
 * The simulated seats' connection losses and how long each took to come back: what a node kill costs the seats. Per
 * seat, when its connection was lost (0 while up); over all seats since the last {@link #take}: losses, returns and
 * the longest outage. Thread-safe: seats' clients run on several event loops.
 */
public final class Outages {
    /** Losses and returns since the last take, and the longest of those outages (ms). */
    public record Summary(long lost, long back, long longestMs) {
    }

    private static final long UP = Long.MIN_VALUE;

    private final long[] lostAt;
    private long lost;
    private long back;
    private long longestNanos;

    Outages(int seats) {
        this.lostAt = new long[seats];
        java.util.Arrays.fill(lostAt, UP);
    }

    /** Seat {@code index} lost its connection at {@code nanos}; a loss while already down changes nothing. */
    synchronized void lost(int index, long nanos) {
        if (lostAt[index] == UP) {
            lostAt[index] = nanos;
            lost++;
        }
    }

    /** Seat {@code index} is connected again at {@code nanos}. */
    synchronized void back(int index, long nanos) {
        if (lostAt[index] != UP) {
            longestNanos = Math.max(longestNanos, nanos - lostAt[index]);
            lostAt[index] = UP;
            back++;
        }
    }

    synchronized Summary take() {
        Summary summary = new Summary(lost, back, longestNanos / 1_000_000);
        lost = 0;
        back = 0;
        longestNanos = 0;
        return summary;
    }
}
