package dev.seatlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.protocol.ClientId;
import dev.seatlink.terminal.testing.RefusingBroker;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that closes a simulated seat's connection and lives on (on a NATS cluster: a store that timed out) gets the
 * seat back on the seat's own node, as a terminal's does: Paho walks the list from the seat's own node on every
 * connect. A seat that moved on instead left its session behind on that node, stale once saved on the next, and
 * NATS 2.9 refused the seat's next connect there ({@code bench center} run 125, 4 × 500: 12,273 such refusals on one node in five minutes).
 */
class SeatClosedByItsNodeTest {
    private static final String SEAT = FloorSimulator.seatId(1);

    @TempDir
    Path dir;

    @Test
    void aSeatClosedByALiveNodeComesBackToThatNode() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (RefusingBroker own = RefusingBroker.plain();
             RefusingBroker other = RefusingBroker.plain()) {
            String ownUrl = own.start(dir.resolve("own"));
            String otherUrl = other.start(dir.resolve("other"));
            try (FloorSimulator floor = new FloorSimulator(vertx,
                    FloorSimulator.Settings.plain(ownUrl + "," + otherUrl, "hq", "f1", 1, 1))) {
                floor.connectAllWithin(Duration.ofSeconds(20));
                // its own node, or the next when the embedded broker closed the first connection at once (seen in
                // CI: "SUBSCRIBE received on already closed connection"); from either it comes back to its own
                String on = floor.nodeOf(SEAT);
                assertThat(on).isIn(ownUrl, otherUrl);

                // another connection with the seat's client id: the node closes the seat's, and stays up
                URI node = URI.create(on);
                MqttClient taker = MqttClient.create(vertx, new MqttClientOptions()
                        .setClientId(ClientId.seat("hq", "f1", SEAT)).setCleanSession(false));
                taker.connect(node.getPort(), node.getHost()).await();

                await().atMost(Duration.ofSeconds(20)).until(() -> floor.reconnects() == 1 && floor.connected() == 1);
                assertThat(floor.nodeOf(SEAT)).isEqualTo(ownUrl);
            }
        } finally {
            vertx.close().await();
        }
    }
}
