package dev.seatlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.testing.RefusingBroker;
import dev.seatlink.terminal.testing.StatusListener;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated seat puts right its own Last Will come after it was back, as a terminal does: seats answer a rebirth
 * without touching the retained status, so the seat is what keeps that copy true.
 */
class SimulatedSeatLateWillTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final Topic status = Topic.seat("hq", "f1", FloorSimulator.seatId(1), Topic.Kind.STATUS);

    @TempDir
    Path dir;

    @Test
    void itsOwnLateWillIsAnsweredWithAnOnlineStatusRetained() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (RefusingBroker broker = RefusingBroker.plain()) {
            String url = broker.start(dir.resolve("broker"));
            try (FloorSimulator floor = new FloorSimulator(vertx, FloorSimulator.Settings.plain(url, "hq", "f1", 1, 1));
                 StatusListener gateway = new StatusListener(url, "floor-test", status)) {
                floor.connectAll().await();
                List<SeatStatus> heard = gateway.heard();
                await().atMost(BOUND).until(() -> !heard.isEmpty());
                String boot = heard.get(0).boot();

                gateway.client().publish(status.toString(), new Codec().encode(status, SeatStatus.offline(boot,
                        System.currentTimeMillis())), 1, true); // as the broker publishes a Will it held
                await().atMost(BOUND).until(() -> heard.size() >= 3 && heard.get(heard.size() - 1).online());
                assertThat(floor.willsRepaired()).isEqualTo(1);

                try (StatusListener later = new StatusListener(url, "later-test", status)) {
                    await().atMost(BOUND).until(() -> !later.heard().isEmpty());
                    assertThat(later.heard().get(0).online()).as("the retained status says online again").isTrue();
                    assertThat(later.heard().get(0).boot()).isEqualTo(boot);
                }
            }
        } finally {
            vertx.close().await();
        }
    }
}
