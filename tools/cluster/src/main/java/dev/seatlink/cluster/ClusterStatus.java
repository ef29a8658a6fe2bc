package dev.seatlink.cluster;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code tools/seatlink cluster status --nats-monitor URL,…}: a running cluster's health as a technician needs it
 * between two steps of a rolling restart or an upgrade — each node's {@code /healthz}, the JetStream meta leader it
 * names, its JetStream storage and memory against their limits, its connections — and one verdict, waiting for
 * health up to {@code --wait}. The same judgement as {@code cluster up} makes of its own nodes.
 */
final class ClusterStatus {
    static final int HEALTHY = 0;
    static final int NOT_HEALTHY = 1;
    /** Nodes on other hosts are read once a second while waiting, not ten times as a local cluster is. */
    private static final long POLL_MS = 1_000;
    private static final String HEALTHZ = "/healthz";

    private final ClusterHealth health;
    private final int size;

    private ClusterStatus(List<RemoteNode> nodes) {
        this.health = new ClusterHealth(nodes, "each node's log: journalctl -u seatlink-nats");
        this.size = nodes.size();
    }

    /** @param monitorUrls the nodes' monitoring URLs, comma-separated (a gateway's {@code --nats-monitor}) */
    static ClusterStatus of(String monitorUrls) {
        List<RemoteNode> nodes = Arrays.stream(monitorUrls.split(",")).map(String::trim).filter(url -> !url.isEmpty())
                .distinct().map(RemoteNode::new).toList();
        if (nodes.isEmpty()) {
            throw new ClusterException("--nats-monitor needs the nodes' monitoring URLs, e.g. http://10.0.0.1:8222");
        }
        return new ClusterStatus(nodes);
    }

    /** Prints every node and the verdict, after waiting up to {@code wait} for health; HEALTHY or NOT_HEALTHY. */
    int check(PrintStream out, Duration wait) {
        List<NodeReading> readings = health.read(HEALTHZ, ClusterHealth.ATTEMPTS);
        String problem = ClusterHealth.verdict(readings);
        if (problem != null && !wait.isZero()) {
            out.println("waiting up to " + wait.toSeconds() + " s for the cluster to be healthy (" + problem + ")");
            readings = health.readUntilHealthy(wait, HEALTHZ, POLL_MS);
            problem = ClusterHealth.verdict(readings);
        }
        for (NodeReading node : readings) {
            out.println(line(node));
        }
        if (problem == null) {
            out.println("HEALTHY: " + size + (size == 1 ? " node" : " nodes")
                    + (size > 1 ? ", JetStream meta leader " + readings.get(0).metaLeader() : ""));
            return HEALTHY;
        }
        out.println("NOT HEALTHY: " + problem);
        return NOT_HEALTHY;
    }

    private static String line(NodeReading node) {
        if (!node.answered()) {
            return String.format(Locale.ROOT, "  %-4s %s  no answer", "?", node.url());
        }
        return String.format(Locale.ROOT, "  %-4s %s  healthz %s  meta leader %s  JetStream storage %s of %s, memory %s"
                        + " of %s  %d connections", node.name(), node.url(), node.healthz(),
                node.metaLeader().isEmpty() ? "none" : node.metaLeader(), bytes(node.storage()),
                bytes(node.maxStorage()), bytes(node.memory()), bytes(node.maxMemory()), node.connections());
    }

    static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
