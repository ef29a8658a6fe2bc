package dev.seatlink.terminal.uplink;

import java.util.function.LongUnaryOperator;

/**
 * Reconnect delays with "full jitter": a uniformly random wait between 0 and a cap, the cap half the time the link
 * has been down so far, at least 1 s and at most 60 s. Random spread matters on a floor: after a broker restart
 * hundreds of seats must not reconnect in the same instant. A cap that grows with the outage, not with the attempts,
 * brings a seat back within about half the outage's length: after a cluster node's death the other nodes refuse
 * connects for the few seconds JetStream takes to elect new leaders, and a cap doubled on each refusal had grown to
 * 30–60 s by the time they took connects again (the floor whole only a minute or more after the node died).
 */
public final class Backoff {
    public static final long FIRST_CAP_MS = 1_000;
    public static final long MAX_CAP_MS = 60_000;
    private static final long UP = Long.MIN_VALUE;

    private final LongUnaryOperator random;
    private long downSince = UP;

    /** @param random given a bound n, returns a value in [0, n] */
    public Backoff(LongUnaryOperator random) {
        this.random = random;
    }

    public static Backoff withJitter() {
        return new Backoff(bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /** The delay before the next attempt, {@code now} on a monotonic clock in ms (the first call marks the loss). */
    public long nextDelayMs(long now) {
        if (downSince == UP) {
            downSince = now;
        }
        long cap = Math.max(FIRST_CAP_MS, Math.min(MAX_CAP_MS, (now - downSince) / 2));
        return random.applyAsLong(cap);
    }

    /** After a successful connect. */
    public void reset() {
        downSince = UP;
    }
}
