package dev.seatlink.link;

import java.net.URI;
import java.util.List;

/**
 * Which broker the link tries next, and after how long. With one broker: its first connect is retried
 * every {@value #FIRST_CONNECT_RETRY_MS} ms, a lost link from 0.5 s doubling to {@value #MAX_DELAY_MS} ms.
 * With the nodes of a cluster: a lost or refused connect goes to the next node at once; only after a whole
 * round has failed does the backoff apply. Pure: the link does the waiting.
 */
public final class ReconnectPlan {
    public static final long FIRST_CONNECT_RETRY_MS = 2_000;
    public static final long MAX_DELAY_MS = 5_000;

    private final List<URI> brokers;
    private int next;
    private int failedInARow;
    private long backoff;
    private boolean everConnected;

    public ReconnectPlan(List<URI> brokers) {
        this.brokers = List.copyOf(brokers);
    }

    /** The broker the next connect tries. */
    public URI current() {
        return brokers.get(next);
    }

    public boolean tls() {
        return "ssl".equals(brokers.get(0).getScheme());
    }

    public void connected() {
        everConnected = true;
        failedInARow = 0;
        backoff = 0;
    }

    public boolean everConnected() {
        return everConnected;
    }

    /** A connect to {@link #current()} failed: the wait before trying the (new) current one. */
    public long afterFailure() {
        next = (next + 1) % brokers.size();
        failedInARow++;
        if (failedInARow % brokers.size() != 0) {
            return 0;
        }
        return everConnected ? grow() : FIRST_CONNECT_RETRY_MS;
    }

    /** The link to {@link #current()} dropped: the wait before reconnecting (to another node, if any). */
    public long afterLoss() {
        if (brokers.size() == 1) {
            return grow();
        }
        next = (next + 1) % brokers.size(); // its node may have died: another one of the cluster first
        return 0;
    }

    private long grow() {
        backoff = backoff == 0 ? 500 : Math.min(MAX_DELAY_MS, backoff * 2);
        return backoff;
    }
}
