package dev.seatlink.terminal.testing;

import dev.seatlink.cluster.StablePorts;
import dev.seatlink.link.testing.InMemoryMoquette;
import io.moquette.broker.Server;
import io.moquette.broker.security.IAuthorizatorPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded Moquette on a loopback port that refuses one subscription filter while its {@link Rule} says no, as a
 * NATS cluster does while it elects a leader or misses a node, and lets everything else through. It counts every
 * filter's asks and grants, and every publish per topic.
 */
public final class RefusingBroker implements IAuthorizatorPolicy, AutoCloseable {
    /** Whether to refuse the next ask, given the refusals so far and the time since the first ask. */
    private interface Rule {
        boolean refuses(int refusedSoFar, long sinceFirstAskMs);
    }

    private final String filter;
    private final Rule rule;
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> granted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> written = new ConcurrentHashMap<>();
    private volatile long firstAskNanos;
    private Server server;

    private RefusingBroker(String filter, Rule rule) {
        this.filter = filter;
        this.rule = rule;
    }

    /** A broker that refuses nothing: for its counts of what was published, or as one of a cluster's nodes. */
    public static RefusingBroker plain() {
        return new RefusingBroker("", (refusedSoFar, sinceFirstAskMs) -> false);
    }

    public static RefusingBroker firstTimes(String filter, int times) {
        return new RefusingBroker(filter, (refusedSoFar, sinceFirstAskMs) -> refusedSoFar < times);
    }

    public static RefusingBroker forMillis(String filter, long window) {
        return new RefusingBroker(filter, (refusedSoFar, sinceFirstAskMs) -> sinceFirstAskMs < window);
    }

    /** Starts the broker (anonymous, in memory; files under {@code dir}); returns its {@code tcp://} URL. */
    public String start(Path dir) throws IOException {
        int port = StablePorts.next();
        server = new Server();
        server.startServer(InMemoryMoquette.config(port, dir), null, null, null, this);
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stopServer();
        }
    }

    @Override
    public boolean canWrite(io.moquette.broker.subscriptions.Topic topic, String user, String client) {
        written.computeIfAbsent(topic.toString(), t -> new AtomicInteger()).incrementAndGet();
        return true;
    }

    @Override
    public synchronized boolean canRead(io.moquette.broker.subscriptions.Topic topic, String user, String client) {
        String asking = topic.toString();
        asked.computeIfAbsent(asking, f -> new AtomicInteger()).incrementAndGet();
        if (filter.equals(asking)) {
            if (firstAskNanos == 0) {
                firstAskNanos = System.nanoTime();
            }
            if (rule.refuses(refused.get(), (System.nanoTime() - firstAskNanos) / 1_000_000)) {
                refused.incrementAndGet();
                return false;
            }
        }
        granted.computeIfAbsent(asking, f -> new AtomicInteger()).incrementAndGet();
        return true;
    }

    public int refused() {
        return refused.get();
    }

    public int asked(String filter) {
        return asked.getOrDefault(filter, new AtomicInteger()).get();
    }

    public int granted(String filter) {
        return granted.getOrDefault(filter, new AtomicInteger()).get();
    }

    /** Publishes to {@code topic} so far. */
    public int written(String topic) {
        return written.getOrDefault(topic, new AtomicInteger()).get();
    }
}
