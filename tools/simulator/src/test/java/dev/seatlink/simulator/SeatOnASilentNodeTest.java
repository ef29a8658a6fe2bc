package dev.seatlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.link.testing.UnansweringBroker;
import dev.seatlink.terminal.testing.RefusingBroker;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster node that takes a simulated seat's connection and never accepts it (as a NATS node missing a peer was
 * seen to do) does not keep the seat away for good, nor hold one of the floor's connect window's places: the seat
 * drops the connection after the bound and comes up on the next node, as a terminal does after its connect timeout.
 */
class SeatOnASilentNodeTest {
    @TempDir
    Path dir;

    @Test
    void aSeatWhoseNodeNeverAcceptsComesUpOnTheNextNode() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (UnansweringBroker silent = UnansweringBroker.silent();
             RefusingBroker broker = RefusingBroker.plain()) {
            String live = broker.start(dir.resolve("broker"));
            // seat i starts on node i mod 2: the first seat on the silent one
            FloorSimulator.Settings settings = FloorSimulator.Settings
                    .plain(silent.url() + "," + live, "hq", "f1", 2, 1).acceptedWithin(500);
            try (FloorSimulator floor = new FloorSimulator(vertx, settings)) {
                floor.connectAllWithin(Duration.ofSeconds(20));

                assertThat(silent.connections()).isEqualTo(1);
                assertThat(floor.nodeOf(FloorSimulator.seatId(1))).isEqualTo(live);
                // both up: a seat whose fresh connection the live broker closed (seen once under load: seat 2
                // "reconnecting" as the floor came up) is back by itself
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(floor.connected())
                        .as("seat 1 %s, seat 2 %s", floor.link(FloorSimulator.seatId(1)),
                                floor.link(FloorSimulator.seatId(2))).isEqualTo(2));
            }
        } finally {
            vertx.close().await();
        }
    }
}
