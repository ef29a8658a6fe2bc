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

    /**
     * The delay before asking a broker again for what it refused after holding the ask {@code askTookMs}: that long
     * at least, then {@link #nextDelayMs}. A NATS node holds a client's whole connection while it tries to make a
     * subscription's consumer, 4 s when its cluster cannot (a leader still being elected): a seat asking again at
     * once kept its events and its answers to a gateway's replays behind ask after ask (bench center run 226: a
     * replay answered at once, stored 2.5 s later, the seat's second ask 12 ms after its first refusal). Waiting as
     * long as the last ask took leaves the connection free at least half the time; a refusal answered at once (an
     * ACL's) waits as before.
     */
    public long nextDelayAfterMs(long now, long askTookMs) {
        return Math.max(0, askTookMs) + nextDelayMs(now);
    }

    /** After a successful connect. */
    public void reset() {
        downSince = UP;
    }
}
