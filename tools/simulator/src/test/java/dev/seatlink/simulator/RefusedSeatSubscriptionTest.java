package dev.seatlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.testing.RefusingBroker;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated seat whose subscription the broker refuses at first, as a NATS cluster does while it elects or misses a
 * node (here an embedded Moquette whose read rule refuses the seat's filter a few times). The seat asks again as a
 * terminal does: for its topics alone, one ask at a time, without announcing itself again on each ask (each would be
 * a retained message the degraded cluster must store, from every refused seat of the floor).
 */
class RefusedSeatSubscriptionTest {
    private static final int REFUSALS = 3;
    private static final String SEAT = FloorSimulator.seatId(1);
    private final String seatTopics = Topic.oneSeat("hq", "f1", SEAT);
    private final Topic status = Topic.seat("hq", "f1", SEAT, Topic.Kind.STATUS);

    @TempDir
    Path dir;

    private RefusingBroker broker;
    private Vertx vertx;
    private FloorSimulator floor;

    @AfterEach
    void stop() {
        if (floor != null) {
            floor.close();
        }
        if (vertx != null) {
            vertx.close().await();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aRefusedSeatAsksAgainAloneUntilGrantedAndThenHearsItsCommands() throws Exception {
        broker = RefusingBroker.firstTimes(seatTopics, REFUSALS);
        String url = broker.start(dir.resolve("broker"));
        vertx = Vertx.vertx();
        floor = new FloorSimulator(vertx, FloorSimulator.Settings.plain(url, "hq", "f1", 1, 1));
        floor.connectAll().await();

        await().atMost(Duration.ofSeconds(30)).until(() -> broker.asked(seatTopics) == REFUSALS + 1);
        Topic cmd = Topic.seat("hq", "f1", SEAT, Topic.Kind.CMD);
        MqttClient supervisor = new MqttClient(url, "supervisor", new MemoryPersistence());
        supervisor.connect();
        // asked again until heard: the broker may have granted the ask a moment before it holds the subscription
        AtomicInteger asks = new AtomicInteger();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            supervisor.publish(cmd.toString(), new Codec().encode(cmd, new Command.Rebirth("rb-" + asks
                    .incrementAndGet(), System.currentTimeMillis())), 1, false);
            return floor.rebirths() > 0;
        });
        supervisor.disconnect();
        supervisor.close();

        assertThat(broker.asked(seatTopics)).as("one ask at a time: granted on the first ask after the refusals")
                .isEqualTo(REFUSALS + 1);
        // Each greeting (a connect's; or one after a stalled subscription was made again) and each rebirth heard
        // writes the status once: one greeting, but a loaded machine now and then adds a connect or a stall (CI
        // 2026-12-07: Moquette closed the seat's first connection). A greeting on each of the 4 asks would be 4.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(broker.written(status.toString())
                - floor.rebirths()).as("greetings: on connect, not on each ask").isBetween(1L, (long) REFUSALS));
    }
}
