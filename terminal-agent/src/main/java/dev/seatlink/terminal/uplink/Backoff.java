package dev.seatlink.terminal.uplink;

import java.util.function.LongUnaryOperator;

/**
 * Reconnect delays with "full jitter": a uniformly random wait between 0 and an exponential cap
 * (1 s doubling to 60 s). Random spread matters on a floor: after a broker restart hundreds of
 * seats must not reconnect in the same instant.
 */
public final class Backoff {
    public static final long FIRST_CAP_MS = 1_000;
    public static final long MAX_CAP_MS = 60_000;

    private final LongUnaryOperator random;
    private int attempt;

    /** @param random given a bound n, returns a value in [0, n] */
    public Backoff(LongUnaryOperator random) {
        this.random = random;
    }

    public static Backoff withJitter() {
        return new Backoff(bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /** The delay before the next attempt. */
    public long nextDelayMs() {
        long cap = Math.min(MAX_CAP_MS, FIRST_CAP_MS << Math.min(attempt, 16));
        attempt++;
        return random.applyAsLong(cap);
    }

    /** After a successful connect. */
    public void reset() {
        attempt = 0;
    }
}
