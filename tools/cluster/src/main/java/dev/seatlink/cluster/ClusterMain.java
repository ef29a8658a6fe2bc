package dev.seatlink.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tools/seatlink cluster up}: a local NATS cluster for a trial centre, until Ctrl-C or TERM; {@code cluster
 * status}: whether a running cluster (local or on its hosts) is healthy.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"cluster up: a NATS cluster (JetStream + MQTT) on free loopback ports, one process per node,",
                "healthy before it prints the broker list for --broker; stops every node on Ctrl-C or TERM.",
                "cluster status --nats-monitor URL,...: each node's health, meta leader, JetStream use and",
                "connections; exits 0 when the cluster is healthy, 1 when not (after --wait SECONDS)."})
public final class ClusterMain implements Callable<Integer> {
    private static final int MAX_WAIT_S = 3_600;

    @Parameters(index = "0", paramLabel = "up|status", description = "what to do: up or status")
    String action;

    @Option(names = "--nats-monitor", paramLabel = "URL,...",
            description = "status: the nodes' monitoring URLs, comma-separated (as a gateway's --nats-monitor)")
    String natsMonitor;

    @Option(names = "--wait", defaultValue = "0", paramLabel = "SECONDS",
            description = "status: wait up to this long for the cluster to be healthy (default 0: say it now)")
    int waitSeconds;

    @Option(names = "--nodes", defaultValue = "3", description = "1, 3 or 5 nodes (default 3)")
    int nodes;

    @Option(names = "--data-dir", defaultValue = "data/cluster",
            description = "where the nodes keep their streams, configs and logs (default ./data/cluster)")
    Path dataDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClusterMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if ("status".equals(action)) {
            return status();
        }
        if (!"up".equals(action)) {
            System.err.println("cluster: unknown action '" + action + "' (try: cluster up, cluster status)");
            return 2;
        }
        NatsCluster cluster;
        try {
            cluster = NatsCluster.start(dataDir.toAbsolutePath(), nodes, Duration.ofSeconds(60));
        } catch (ClusterException e) {
            System.err.println("FAIL: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("cluster: stopping " + nodes + " nodes...");
            cluster.close();
            stopped.countDown();
        }));
        System.out.println("SeatLink cluster is up: " + nodes + " nodes, JetStream meta leader "
                + cluster.metaLeader() + ".");
        for (NatsNode node : cluster.nodes()) {
            System.out.printf("  %s  mqtt %s  monitor %s  log %s%n", node.name(), node.mqttUrl(), node.monitorUrl(),
                    node.log());
        }
        System.out.println("Broker list (for --broker):");
        System.out.println("  " + cluster.brokerList());
        System.out.println("NATS clients (for a pair's --nats: where it keeps its lease):");
        System.out.println("  " + cluster.natsList());
        System.out.println("Monitoring (for a gateway's --nats-monitor):");
        System.out.println("  " + String.join(",", cluster.nodes().stream().map(NatsNode::monitorUrl).toList()));
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    private int status() {
        if (natsMonitor == null) {
            System.err.println("cluster status: --nats-monitor URL,... is needed (the nodes' monitoring URLs)");
            return 2;
        }
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_S) {
            System.err.println("cluster status: --wait must be 0 to " + MAX_WAIT_S + " seconds, not " + waitSeconds);
            return 2;
        }
        try {
            return ClusterStatus.of(natsMonitor).check(System.out, Duration.ofSeconds(waitSeconds));
        } catch (ClusterException e) {
            System.err.println("cluster status: " + e.getMessage());
            return 2;
        }
    }
}
