package dev.seatlink.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterHealthVerdictTest {
    @Test
    void threeHealthyNodesNamingOneOfThemAsLeaderAreHealthy() {
        assertThat(ClusterHealth.verdict(List.of(node("n1", "n2"), node("n2", "n2"), node("n3", "n2")))).isNull();
    }

    @Test
    void aLeaderTheOthersStillNameAfterItsDeathIsNotHealth() {
        assertThat(ClusterHealth.verdict(List.of(node("n2", "n1"), node("n3", "n1"))))
                .isEqualTo("the meta leader [n1] is not running");
    }

    @Test
    void nodesNamingDifferentLeadersAreNotHealthy() {
        assertThat(ClusterHealth.verdict(List.of(node("n1", "n1"), node("n2", "n2"), node("n3", "n2"))))
                .isEqualTo("the nodes name different meta leaders [n1, n2]");
    }

    @Test
    void aNodeThatDoesNotAnswerIsNamedByItsUrl() {
        RemoteNode silent = new RemoteNode("http://10.0.0.3:8222/");
        NodeReading behind = new NodeReading("http://127.0.0.1:1", "n1", true, "JetStream stream 'x' is not current",
                "n1", 0, 0, 0, 0, 0);
        assertThat(ClusterHealth.verdict(List.of(behind, node("n2", "n1"), NodeReading.silent(silent))))
                .as("the silent node is named before another's stream catching up")
                .isEqualTo("http://10.0.0.3:8222 is not healthy: no answer");
    }

    @Test
    void aNodeWithoutALeaderInAClusterIsNotHealthyButASingleNodeNeedsNone() {
        assertThat(ClusterHealth.verdict(List.of(node("n1", ""), node("n2", "n1"))))
                .isEqualTo("n1 knows no JetStream meta leader");
        assertThat(ClusterHealth.verdict(List.of(node("n1", "")))).isNull();
    }

    @Test
    void aNodeWhoseStreamsAreNotCurrentSaysWhy() {
        NodeReading behind = new NodeReading("http://127.0.0.1:1", "n3", true, "JetStream stream 'x' is not current",
                "n1", 0, 0, 0, 0, 0);
        assertThat(ClusterHealth.verdict(List.of(node("n1", "n1"), behind)))
                .isEqualTo("n3 is not healthy: JetStream stream 'x' is not current");
    }

    @Test
    void noRunningNodeIsNotHealthy() {
        assertThat(ClusterHealth.verdict(List.of())).isEqualTo("no node is running");
    }

    @Test
    void sizesArePrintedInBinaryUnits() {
        assertThat(ClusterStatus.bytes(0)).isEqualTo("0 B");
        assertThat(ClusterStatus.bytes(1023)).isEqualTo("1023 B");
        assertThat(ClusterStatus.bytes(4L << 30)).isEqualTo("4.0 GiB");
        assertThat(ClusterStatus.bytes(1536)).isEqualTo("1.5 KiB");
    }

    private static NodeReading node(String name, String leader) {
        return new NodeReading("http://127.0.0.1:1", name, true, "ok", leader, 0, 0, 0, 0, 0);
    }
}
