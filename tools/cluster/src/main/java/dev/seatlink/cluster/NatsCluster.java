package dev.seatlink.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A NATS cluster on loopback: n {@code nats-server} processes with JetStream and MQTT 3.1.1, routed to each
 * other, each in its own folder under the data directory. What {@code tools/seatlink cluster up} runs and what
 * the failover tests kill and restart. MQTT streams are replicated on every node (up to three), so a session
 * and its queued messages survive any one node.
 */
public final class NatsCluster implements AutoCloseable {
    public static final String NAME = "seatlink";
    /** How many times a cluster is started on new ports when one of its nodes found a port taken. */
    static final int START_ATTEMPTS = 3;

    private final List<NatsNode> nodes;
    private final ClusterHealth health;

    private NatsCluster(List<NatsNode> nodes, Path dataDir) {
        this.nodes = nodes;
        this.health = new ClusterHealth(nodes, "node logs: " + dataDir + "/n*/nats.log");
    }

    /**
     * Starts {@code size} nodes (1, 3 or 5) under {@code dataDir} on free loopback ports (the ports of a
     * previous run in the same folder when they are still free) and waits until the cluster is healthy.
     *
     * @throws ClusterException when nats-server is missing, a node will not start or the cluster stays unhealthy
     */
    public static NatsCluster start(Path dataDir, int size, Duration healthyWithin) {
        return start(dataDir, size, healthyWithin, "");
    }

    /**
     * The same, with {@code extraConfig} appended to every node's config (an {@code authorization} block of
     * the floors' logins, say).
     */
    public static NatsCluster start(Path dataDir, int size, Duration healthyWithin, String extraConfig) {
        return start(dataDir, size, healthyWithin, extraConfig, null);
    }

    /** The same with TLS on every node's MQTT listener ({@code tls} null: plain TCP). */
    public static NatsCluster start(Path dataDir, int size, Duration healthyWithin, String extraConfig, MqttTls tls) {
        return start(dataDir, size, healthyWithin, extraConfig, tls, NodePorts::forCluster);
    }

    /**
     * The same on ports from {@code choice}. A port free when chosen can be taken before its node binds it (by
     * another program choosing "a free port" at the same moment): that node exits at once, and the others would
     * look healthy without it — two nodes, where every stream wants three. The whole cluster then starts again on
     * ports chosen anew, up to {@value #START_ATTEMPTS} times; a node that exits for another reason fails the start.
     */
    static NatsCluster start(Path dataDir, int size, Duration healthyWithin, String extraConfig, MqttTls tls,
                             PortChoice choice) {
        if (size != 1 && size != 3 && size != 5) {
            throw new ClusterException("a cluster has 1, 3 or 5 nodes (JetStream needs a majority), not " + size);
        }
        Path server = NatsServerBinary.find();
        for (int attempt = 1; ; attempt++) {
            List<NodePorts> ports = choice.forCluster(dataDir, size);
            List<NatsNode> nodes = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                nodes.add(new NatsNode(server, "n" + (i + 1), dataDir.resolve("n" + (i + 1)), ports.get(i), ports,
                        extraConfig, tls));
            }
            NatsCluster cluster = new NatsCluster(List.copyOf(nodes), dataDir);
            try {
                nodes.forEach(NatsNode::start);
                cluster.health.awaitStart(healthyWithin);
                cluster.requireEveryNodeRunning();
                return cluster;
            } catch (RuntimeException e) {
                boolean portTaken = nodes.stream().anyMatch(NatsNode::foundAPortTaken);
                cluster.close();
                if (!portTaken || attempt == START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Where a cluster's nodes listen: {@link NodePorts#forCluster} but for the tests that take a port first. */
    interface PortChoice {
        List<NodePorts> forCluster(Path dataDir, int size);
    }

    private void requireEveryNodeRunning() {
        for (NatsNode node : nodes) {
            if (!node.isRunning()) {
                throw new ClusterException(node.name() + " exited while the cluster started: "
                        + node.fatalLine().orElse("no reason in its log") + " (" + node.log() + ")");
            }
        }
    }

    /** The nodes' MQTT listeners as a client's {@code --broker} list: {@code tcp://127.0.0.1:p1,…}. */
    public String brokerList() {
        return nodes.stream().map(NatsNode::mqttUrl).collect(Collectors.joining(","));
    }

    /** The nodes' NATS client listeners as a gateway's {@code --nats} list: {@code nats://127.0.0.1:p1,…}. */
    public String natsList() {
        return nodes.stream().map(NatsNode::clientUrl).collect(Collectors.joining(","));
    }

    public List<NatsNode> nodes() {
        return nodes;
    }

    public NatsNode node(int index) {
        return nodes.get(index);
    }

    /** Waits until every running node answers {@code /healthz} ok and they agree on a JetStream meta leader. */
    public void awaitHealthy(Duration within) {
        health.await(within);
    }

    /**
     * Waits until every running node serves (JetStream up, one meta leader), not until every stream and
     * consumer on it is current: what a rolling restart waits for before the next node.
     */
    public void awaitServing(Duration within) {
        health.awaitServing(within);
    }

    /** The meta leader's node, as the running nodes report it (empty while there is none). */
    public String metaLeader() {
        return health.metaLeader();
    }

    /** Stops every node (TERM, then KILL after 10 s). */
    @Override
    public void close() {
        for (NatsNode node : nodes) {
            node.stop();
        }
    }

    /** Deletes a data directory a test made (the nodes must be stopped). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted");
        }
    }
}
