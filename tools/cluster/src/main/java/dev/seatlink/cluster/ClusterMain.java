package dev.seatlink.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tools/seatlink cluster up}: a local NATS cluster for a trial centre, until Ctrl-C or TERM. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"cluster up: a NATS cluster (JetStream + MQTT) on free loopback ports, one process per node,",
                "healthy before it prints the broker list for --broker; stops every node on Ctrl-C or TERM."})
public final class ClusterMain implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "up", description = "what to do: up")
    String action;

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
        if (!"up".equals(action)) {
            System.err.println("cluster: unknown action '" + action + "' (try: cluster up)");
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
        System.out.println("Monitoring (for a gateway's --nats-monitor):");
        System.out.println("  " + String.join(",", cluster.nodes().stream().map(NatsNode::monitorUrl).toList()));
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }
}
