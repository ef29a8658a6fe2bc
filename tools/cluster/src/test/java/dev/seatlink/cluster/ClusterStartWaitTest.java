package dev.seatlink.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wait for a cluster just started: a node that exits (its port taken meanwhile) ends it at once, for the cluster
 * to start again on other ports, instead of leaving the others to elect a leader for a start that is thrown away.
 */
class ClusterStartWaitTest {
    @Test
    void aNodeThatExitedEndsTheWaitAtOnce() throws IOException {
        ClusterHealth health = new ClusterHealth(List.of(node("n1", true), node("n2", true), node("n3", false)),
                "node logs");

        // an hour's wait that returns at once: nothing to time
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> health.awaitStart(Duration.ofHours(1)));
    }

    @Test
    void withEveryNodeRunningAnUnhealthyClusterIsWaitedForAndThenRefused() throws IOException {
        ClusterHealth health = new ClusterHealth(List.of(node("n1", true), node("n2", true)), "node logs");

        assertThatThrownBy(() -> health.awaitStart(Duration.ofMillis(300))).isInstanceOf(ClusterException.class)
                .hasMessageContaining("not healthy after").hasMessageContaining("node logs");
    }

    /** A node whose monitoring port refuses connections: never healthy, running or not. */
    private static MonitoredNode node(String name, boolean running) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new FakeNode(name, "http://127.0.0.1:" + socket.getLocalPort() + "/", running);
        }
    }

    private record FakeNode(String name, String monitorUrl, boolean isRunning) implements MonitoredNode {
    }
}
