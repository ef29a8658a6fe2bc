package dev.seatlink.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port chosen free can be taken before its node binds it — seen in CI with the centre's tests' clusters side by
 * side: a node exited ("can't listen to the monitor port"), the other two looked healthy, and the test's gateways
 * waited two minutes on a cluster whose streams want three nodes.
 */
class ClusterStartOnATakenPortTest {
    @TempDir
    Path dir;

    @Test
    void aNodeWhosePortWasTakenMeanwhileMakesTheClusterStartAgainOnNewPorts() throws IOException {
        AtomicInteger choices = new AtomicInteger();
        try (ServerSocket taker = new ServerSocket()) {
            NatsCluster.PortChoice takenAfterTheChoice = (data, size) -> {
                List<NodePorts> ports = NodePorts.forCluster(data, size);
                if (choices.incrementAndGet() == 1) {
                    take(taker, ports.get(2).http());
                }
                return ports;
            };

            try (NatsCluster cluster = NatsCluster.start(dir, 3, Duration.ofSeconds(60), "", null,
                    takenAfterTheChoice)) {
                assertThat(choices).hasValue(2);
                assertThat(cluster.nodes()).allMatch(NatsNode::isRunning);
                assertThat(cluster.node(2).ports().http()).isNotEqualTo(taker.getLocalPort());
                assertThat(cluster.metaLeader()).isIn("n1", "n2", "n3");
                assertThat(cluster.node(2).log()).content().contains("address already in use");
            }
        }
    }

    private static void take(ServerSocket taker, int port) {
        try {
            taker.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
