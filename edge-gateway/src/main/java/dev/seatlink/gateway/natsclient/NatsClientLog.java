package dev.seatlink.gateway.natsclient;

import dev.seatlink.gateway.floor.FloorClock;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tinylog.Logger;

/**
 * What the gateway's NATS client ({@link NatsClient}) reports about its connection, in the gateway's log at the level
 * an operator needs. The client's own listener logs each failed attempt to reach a node as an error: with the whole
 * cluster down that is several a second per gateway for as long as it stays down (the end of {@code bench center}
 * 2026-12-06 run 100, its nodes stopped under the gateways: 5–33 errors per gateway in 5 s). Here a lost node is one
 * warning, the first failure after it another, then at most one a minute with the count while failures go on, and one
 * line once a node is reached again. The client calls in from its own threads.
 */
final class NatsClientLog implements ConnectionListener, ErrorListener {
    /** While attempts go on failing, one warning a minute says so. */
    static final long REPEAT_MS = 60_000;
    /** How nats-server says a login may not publish where it tried. */
    private static final Pattern REFUSED_PUBLISH = Pattern.compile("Permissions Violation for Publish to \"([^\"]+)\"");

    /** Where the lines go: the gateway's log in service ({@link #TO_LOG}), a list in tests. */
    @FunctionalInterface
    interface Lines {
        void add(boolean warning, String line);
    }

    /** The gateway's log, with this class named as the one that says it. */
    static final Lines TO_LOG = NatsClientLog::toLog;

    /** The client's name: the gateway's client id. */
    private final String name;
    private final FloorClock clock;
    private final Lines lines;
    /** Failures not yet in a warning, and when the last warning was given (none yet: {@link #warned} false). */
    private int unreported;
    private int failedSinceLost;
    private long warnedAt;
    private boolean warned;
    private boolean lost;
    /** The subjects a node refused this client a publish on, as it said (a login's grants hold until it restarts). */
    private final java.util.Set<String> refusedPublishes = java.util.concurrent.ConcurrentHashMap.newKeySet();

    NatsClientLog(String name, FloorClock clock, Lines lines) {
        this.name = name;
        this.clock = clock;
        this.lines = lines;
    }

    @Override
    public void connectionEvent(Connection connection, Events event) {
        event(event, connection.getConnectedUrl());
    }

    /** {@code node}: the URL of the node the client is on now, null while it is on none. */
    synchronized void event(Events event, String node) {
        switch (event) {
            case DISCONNECTED -> { // again for each node the client then fails to reach
                if (!lost) {
                    lines.add(true, "NATS client " + name + ": lost its node; the client tries the others");
                }
                lost = true;
            }
            case CONNECTED, RECONNECTED -> {
                if (lost || failedSinceLost > 0) {
                    lines.add(false, "NATS client " + name + ": reached " + node
                            + (failedSinceLost > 0 ? " after " + failures(failedSinceLost) : ""));
                }
                lost = false;
                failedSinceLost = 0;
                unreported = 0;
                warned = false;
            }
            case LAME_DUCK -> lines.add(false, "NATS client " + name + ": its node " + node
                    + " is shutting down; the client moves to another");
            default -> {
                // closed, resubscribed, servers discovered: nothing an operator acts on
            }
        }
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception e) {
        failed(String.valueOf(e));
    }

    @Override
    public void errorOccurred(Connection connection, String error) {
        Matcher refused = REFUSED_PUBLISH.matcher(error);
        if (refused.find()) {
            refusedPublishes.add(refused.group(1));
        }
        failed("the node says: " + error);
    }

    boolean refusedToPublish(String subject) {
        return refusedPublishes.contains(subject);
    }

    @Override
    public void slowConsumerDetected(Connection connection, Consumer consumer) {
        failed("answers arrive faster than they are read");
    }

    @Override
    public void socketWriteTimeout(Connection connection) {
        failed("a write to its node timed out");
    }

    private static void toLog(boolean warning, String line) {
        if (warning) {
            Logger.warn(line);
        } else {
            Logger.info(line);
        }
    }

    private static String failures(int failed) {
        return failed == 1 ? "1 failure" : failed + " failures";
    }

    private synchronized void failed(String what) {
        failedSinceLost++;
        unreported++;
        long now = clock.millis();
        if (warned && now - warnedAt < REPEAT_MS) {
            return;
        }
        lines.add(true, "NATS client " + name + ": " + what + (unreported > 1 ? " (" + unreported
                + " failures since the last warning)" : ""));
        warned = true;
        warnedAt = now;
        unreported = 0;
    }
}
