package dev.seatlink.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.centre.config.CentreFile;
import dev.seatlink.centre.feed.CentreLink;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MosquittoBroker;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every seat can write what the centre view reads (its own events): garbage from a broken or hostile seat is counted
 * in {@code /health} and changes nothing on the page, and the seats' real hands still come through after it.
 */
class RefusedSeatMessagesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int GARBAGE = 100;
    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private Vertx vertx;
    private Http centre;

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoBroker.start(dir.resolve("broker"));
        Path centreFile = Files.writeString(dir.resolve("centre.json"),
                "{\"centre\":\"HQ\",\"floors\":[{\"site\":\"hq\",\"floor\":\"f1\"}]}");
        vertx = Vertx.vertx();
        CentreVerticle verticle = new CentreVerticle(new CentreSettings(broker.url(), centreFile, "127.0.0.1", 0,
                new CentreLink.Login(null, null, null), null, ZoneOffset.UTC), CentreFile.read(centreFile));
        vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        centre = new Http(verticle.httpPort());
        await().atMost(PATIENCE).until(() -> "UP".equals(centre.json("/health").path("broker").asText()));
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        broker.close();
    }

    @Test
    void garbageFromASeatIsCountedAndShowsNothingAndRealHandsStillArrive() throws Exception {
        Codec codec = new Codec();
        Topic ownTopic = Topic.seat("hq", "f1", "s-001", Topic.Kind.EVENT);
        MqttProbe seat = new MqttProbe(broker.url());
        try {
            for (int i = 0; i < GARBAGE; i++) {
                seat.publishRaw(ownTopic.toString(), "{not json " + i, false);
            }
            // another seat's raised hand, forged on this seat's topic
            seat.publishRaw(ownTopic.toString(), codec.encode(Topic.seat("hq", "f1", "s-002", Topic.Kind.EVENT),
                    hand("s-002")), false);
            seat.publishRaw("seatlink/v1/hq/f1/S 1/event", "{}", false); // a topic naming no valid seat
            await().atMost(PATIENCE).until(() -> centre.json("/health").path("refusedMessages").asLong()
                    == GARBAGE + 2);

            seat.publish(ownTopic, hand("s-001"));
            await().atMost(PATIENCE).until(() -> centre.json("/api/centre").path("queue").findValuesAsText("seat")
                    .contains("s-001"));
            assertThat(centre.json("/api/centre").path("queue").findValuesAsText("seat")).containsExactly("s-001");
            assertThat(centre.json("/health").path("refusedMessages").asLong()).isEqualTo(GARBAGE + 2);
            assertThat(centre.get("/health").statusCode()).isEqualTo(200);
        } finally {
            seat.close();
        }
    }

    private static SeatEvent hand(String seat) {
        return new SeatEvent(seat, null, AgentState.READY, AgentState.READY, null, true, System.currentTimeMillis(),
                1, "b-1", Cause.BUTTON);
    }
}
