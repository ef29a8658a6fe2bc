package dev.seatlink.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a NATS cluster the gateway reads the nodes' monitoring endpoints: JetStream storage and its own session's
 * backlog reach /metrics, and the session a removed seat left (its JetStream consumers) reaches the fleet view,
 * from which a floor manager ends it.
 */
class LeftoverSessionsOnClusterTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String OLD = "old-7";

    @TempDir
    Path dir;

    @Test
    void aRemovedSeatsSessionIsListedWithWhatItHoldsAndAFloorManagerEndsIt() throws Exception {
        DemoManager manager = DemoManager.in(dir);
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), 1, PATIENCE)) {
            String broker = cluster.brokerList();
            // a terminal of a seat since removed: its session subscribed to its commands, two of them queued for it
            try (MqttProbe terminal = MqttProbe.session(broker, "hq.f1." + OLD, "seatlink/v1/hq/f1/" + OLD + "/cmd")) {
                assertThat(terminal.isConnected()).isTrue();
            }
            try (MqttProbe sender = new MqttProbe(broker)) {
                sender.publishRaw("seatlink/v1/hq/f1/" + OLD + "/cmd", "queued-1", false);
                sender.publishRaw("seatlink/v1/hq/f1/" + OLD + "/cmd", "queued-2", false);
            }
            try (Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, broker, 0,
                    dir.resolve("gw")).toBuilder().natsMonitor(List.of(cluster.node(0).monitorUrl()))
                    .usersFile(manager.usersFile()).build())) {
                Http http = new Http(gateway.httpPort());
                await().atMost(PATIENCE).until(() -> leftover(http) != null);
                assertThat(leftover(http).path("session").asBoolean()).isTrue();
                assertThat(leftover(http).path("queued").asLong()).isEqualTo(2);
                // the gateway's own session exists once it subscribed: read by the next look at the cluster, in 15 s
                await().atMost(PATIENCE).until(() -> http.get("/metrics").body().contains("seatlink_session_backlog{"));
                assertThat(http.get("/metrics").body()).contains("seatlink_jetstream_up{node=\"" + cluster.node(0).monitorUrl() + "\"} 1")
                        .contains("seatlink_jetstream_store_bytes{node=").contains("seatlink_session_backlog{client=\"gateway\"}")
                        .contains("seatlink_leftover_sessions 1");

                var removed = http.delete("/api/fleet/leftovers/" + OLD, DemoManager.NAME, manager.password());

                assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
                await().atMost(PATIENCE).until(() -> leftover(http) == null);
                assertThat(http.get("/metrics").body()).contains("seatlink_leftover_sessions 0");
            }
            try (MqttProbe again = MqttProbe.session(broker, "hq.f1." + OLD)) {
                assertThat(again.sessionPresent()).as("the cluster no longer keeps the seat's session").isFalse();
            }
        }
    }

    private static JsonNode leftover(Http http) {
        for (JsonNode leftover : http.json("/api/fleet").path("leftovers")) {
            if (leftover.path("seat").asText().equals(OLD)) {
                return leftover;
            }
        }
        return null;
    }
}
