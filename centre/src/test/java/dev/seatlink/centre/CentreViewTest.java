package dev.seatlink.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.centre.config.CentreFile;
import dev.seatlink.centre.feed.CentreLink;
import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MosquittoBroker;
import dev.seatlink.gateway.testing.SeatTerminal;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The centre view fed by a real floor: its tile, a raised hand in the queue, and stale once its gateway stops; a hand
 * raised while the gateways are down, heard from the seat itself.
 */
class CentreViewTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private Gateway gateway;
    private SeatTerminal terminal;
    private Vertx vertx;
    private Http centre;

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoBroker.start(dir.resolve("broker"));
        gateway = Gateway.start(GatewayConfig.defaults().with(0, broker.url(), 0, dir.resolve("gw"))
                .toBuilder().instance("a").build());
        Path centreFile = dir.resolve("centre.json");
        Files.writeString(centreFile, "{\"centre\":\"HQ\",\"floors\":[{\"site\":\"hq\",\"floor\":\"f1\",\"name\":\"First floor\"},"
                + "{\"site\":\"hq\",\"floor\":\"f9\",\"name\":\"Ninth floor\"}]}");
        vertx = Vertx.vertx();
        CentreVerticle verticle = new CentreVerticle(new CentreSettings(broker.url(), centreFile, "127.0.0.1", 0,
                new CentreLink.Login(null, null, null), null, java.time.ZoneOffset.UTC), CentreFile.read(centreFile));
        vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        centre = new Http(verticle.httpPort());
    }

    @AfterEach
    void stop() {
        if (terminal != null) {
            terminal.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
        broker.close();
    }

    @Test
    void theDutyManagerSeesTheFloorItsRaisedHandAndTheFloorGoStaleWhenItsGatewaysFallSilent() {
        await().atMost(PATIENCE).until(() -> "live".equals(tile(0).path("state").asText())
                && tile(0).path("seats").asInt() == 24);
        assertThat(tile(0).path("primary").asText()).isEqualTo("hq-f1-gateway-a");
        assertThat(tile(0).path("wallboard").asText()).isEqualTo(gateway.wallboardUrl());
        assertThat(tile(1).path("state").asText()).as("a floor never heard").isEqualTo("waiting");
        assertThat(centre.json("/api/centre").path("groups").path("customerTier").isArray()).isTrue();

        startTerminal("s-001");
        JsonNode hand = raiseHand();
        assertThat(hand.path("floorName").asText()).isEqualTo("First floor");
        assertThat(centre.json("/api/centre").path("totals").path("help").asInt()).isEqualTo(1);

        gateway.close(); // both gateways of the floor silent (it has only this one here)
        gateway = null;
        await().atMost(Duration.ofSeconds(10)).until(() -> "stale".equals(tile(0).path("state").asText()));
        assertThat(centre.get("/health").statusCode()).isEqualTo(200);
        assertThat(centre.json("/health").path("staleFloors").asInt()).isEqualTo(1);
        assertThat(centre.get("/").body()).contains("<title>SeatLink centre</title>");
    }

    @Test
    void aHandRaisedWhileTheFloorsGatewaysAreDownStillReachesTheDutyManager() {
        await().atMost(PATIENCE).until(() -> "live".equals(tile(0).path("state").asText())); // seat configs retained
        gateway.close();
        gateway = null;

        SimulatedHardware seat = startTerminal("s-001");
        JsonNode hand = raiseHand();
        assertThat(hand.path("team").isNull()).as("the team comes with the floor's summary").isTrue();
        assertThat(tile(0).path("help").asInt()).isEqualTo(1);
        seat.press(Key.HELP); // lowered
        await().atMost(PATIENCE).until(() -> centre.json("/api/centre").path("queue").findValuesAsText("seat")
                .isEmpty());
    }

    /** The agent at s-001 gets ready and raises a hand: the centre's queue entry for it, once there. */
    private JsonNode raiseHand() {
        terminal.hardware().press(Key.READY);
        terminal.hardware().press(Key.HELP);
        await().atMost(PATIENCE).until(() -> centre.json("/api/centre").path("queue").findValuesAsText("seat")
                .contains("s-001"));
        JsonNode hand = centre.json("/api/centre").path("queue").get(0);
        assertThat(hand.path("kind").asText()).isEqualTo("help");
        return hand;
    }

    private JsonNode tile(int index) {
        return centre.json("/api/centre").path("floors").get(index);
    }

    private SimulatedHardware startTerminal(String seatId) {
        terminal = SeatTerminal.start(broker.url(), seatId, dir.resolve(seatId));
        return terminal.hardware();
    }
}
