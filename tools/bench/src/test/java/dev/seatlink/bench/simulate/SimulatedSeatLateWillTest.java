package dev.seatlink.bench.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.testing.RefusingBroker;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated seat puts right its own Last Will come after it was back, as a terminal does: seats answer a rebirth
 * without touching the retained status, so the seat is what keeps that copy true.
 */
class SimulatedSeatLateWillTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final Codec codec = new Codec();
    private final Topic status = Topic.seat("hq", "f1", FloorSimulator.seatId(1), Topic.Kind.STATUS);

    @TempDir
    Path dir;

    private RefusingBroker broker;
    private Vertx vertx;
    private FloorSimulator floor;
    private final List<MqttClient> clients = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (MqttClient client : clients) {
            client.disconnect();
            client.close();
        }
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
    void itsOwnLateWillIsAnsweredWithAnOnlineStatusRetained() throws Exception {
        broker = RefusingBroker.firstTimes("nothing/refused", 0);
        String url = broker.start(dir.resolve("broker"));
        vertx = Vertx.vertx();
        floor = new FloorSimulator(vertx, FloorSimulator.Settings.plain(url, "hq", "f1", 1, 1));
        floor.connectAll().await();
        List<SeatStatus> heard = statuses(url, "floor-test");
        await().atMost(BOUND).until(() -> !heard.isEmpty());
        String boot = heard.get(0).boot();

        clients.get(0).publish(status.toString(), codec.encode(status, SeatStatus.offline(boot,
                System.currentTimeMillis())), 1, true); // as the broker publishes a Will it held
        await().atMost(BOUND).until(() -> heard.size() >= 3 && heard.get(heard.size() - 1).online());
        assertThat(floor.willsRepaired()).isEqualTo(1);

        List<SeatStatus> retained = statuses(url, "later-test");
        await().atMost(BOUND).until(() -> !retained.isEmpty());
        assertThat(retained.get(0).online()).as("the retained status says online again").isTrue();
        assertThat(retained.get(0).boot()).isEqualTo(boot);
    }

    /** What a client subscribing now hears on the seat's status topic, the retained copy first. */
    private List<SeatStatus> statuses(String url, String clientId) throws Exception {
        MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        client.connect(options);
        clients.add(client);
        List<SeatStatus> heard = new CopyOnWriteArrayList<>();
        client.subscribe(status.toString(), 1, (topic, message) -> {
            if (codec.decode(topic, message.getPayload()) instanceof Decoded.Accepted accepted
                    && accepted.message() instanceof SeatStatus said) {
                heard.add(said);
            }
        });
        return heard;
    }
}
