package dev.seatlink.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The local cluster tool: its nodes, ports and health, and {@code cluster status}. What the cluster does through a
 * node's death is proven in the centre's tests ({@code RetainedAcrossANodeKillTest} and the failover tests): there its
 * wait for NATS to elect runs beside the centre's other proofs, not before every module built after this one.
 */
class NatsClusterTest {
    @TempDir
    static Path dir;
    static NatsCluster cluster;

    @BeforeAll
    static void start() {
        cluster = NatsCluster.start(dir, 3, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void threeNodesComeUpWithAMetaLeaderAndABrokerList() {
        assertThat(cluster.metaLeader()).isIn("n1", "n2", "n3");
        assertThat(cluster.brokerList().split(",")).hasSize(3).allMatch(url -> url.startsWith("tcp://127.0.0.1:"));
        assertThat(dir.resolve("n1/nats.conf")).content().contains("jetstream", "mqtt", "stream_replicas: 3",
                "nats-route://127.0.0.1:" + cluster.node(2).ports().route());
    }

    @Test
    void statusReadsEveryNodeAndSaysTheClusterIsHealthy() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String monitors = String.join(",", cluster.nodes().stream().map(NatsNode::monitorUrl).toList());

        int exit = ClusterStatus.of(monitors).check(new PrintStream(out, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(30));

        assertThat(exit).isEqualTo(ClusterStatus.HEALTHY);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("  n1 ", "  n2 ", "  n3 ", "healthz ok",
                "of 4.0 GiB", "HEALTHY: 3 nodes, JetStream meta leader " + cluster.metaLeader());
    }

    @Test
    void statusWithANodeThatDoesNotAnswerIsNotHealthyAndNamesIt() throws Exception {
        String silent;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            silent = "http://127.0.0.1:" + socket.getLocalPort();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = ClusterStatus.of(cluster.node(0).monitorUrl() + "," + silent)
                .check(new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ZERO);

        assertThat(exit).isEqualTo(ClusterStatus.NOT_HEALTHY);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(silent + "  no answer",
                "NOT HEALTHY: " + silent + " is not healthy: no answer");
    }

    @Test
    void statusRefusesWhatIsNotAListOfMonitoringUrlsWithTheReason() {
        assertThat(new CommandLine(new ClusterMain()).execute("status")).isEqualTo(2);
        assertThat(new CommandLine(new ClusterMain()).execute("status", "--nats-monitor", "nats://10.0.0.1:4222"))
                .isEqualTo(2);
        assertThat(new CommandLine(new ClusterMain()).execute("status", "--nats-monitor", cluster.node(0).monitorUrl(),
                "--wait", "-1")).isEqualTo(2);
        assertThatThrownBy(() -> ClusterStatus.of(" , ")).isInstanceOf(ClusterException.class)
                .hasMessageContaining("--nats-monitor needs");
        assertThatThrownBy(() -> ClusterStatus.of("http://10.0.0.1:8222/jsz")).isInstanceOf(ClusterException.class)
                .hasMessageContaining("http://HOST:PORT");
    }

    @Test
    void theNextStartInTheSameFolderKeepsThePortsWhileTheyAreFree() {
        NodePorts first = cluster.node(0).ports();
        // The running cluster holds its ports, so another cluster in the same folder must choose new ones.
        assertThat(NodePorts.forCluster(dir, 3).get(0)).isNotEqualTo(first);
        Path other = dir.resolve("other");
        assertThat(NodePorts.forCluster(other, 3)).isEqualTo(NodePorts.forCluster(other, 3));
    }

    @Test
    void anEvenClusterIsRefusedWithTheReason() {
        assertThatThrownBy(() -> NatsCluster.start(dir.resolve("even"), 2, Duration.ofSeconds(1)))
                .isInstanceOf(ClusterException.class).hasMessageContaining("1, 3 or 5");
        assertThat(Files.exists(dir.resolve("even"))).isFalse();
    }
}
