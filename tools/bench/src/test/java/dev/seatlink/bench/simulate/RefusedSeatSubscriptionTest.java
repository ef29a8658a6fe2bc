package dev.seatlink.bench.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.StablePorts;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.Topic;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
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

    private Server broker;
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
            broker.stopServer();
        }
    }

    @Test
    void aRefusedSeatAsksAgainAloneUntilGrantedAndThenHearsItsCommands() throws Exception {
        RefusingFirstAsks rules = new RefusingFirstAsks(seatTopics, status.toString(), REFUSALS);
        String url = startBroker(rules);
        vertx = Vertx.vertx();
        floor = new FloorSimulator(vertx, FloorSimulator.Settings.plain(url, "hq", "f1", 1, 1));
        floor.connectAll().await();

        await().atMost(Duration.ofSeconds(30)).until(() -> rules.asked() == REFUSALS + 1);
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

        assertThat(rules.asked()).as("one ask at a time: granted on the first ask after the refusals")
                .isEqualTo(REFUSALS + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rules.statuses())
                .as("announced on connect and on each rebirth heard, not on each ask").isEqualTo(1 + floor.rebirths()));
    }

    private String startBroker(RefusingFirstAsks rules) throws Exception {
        int port = StablePorts.next();
        Properties props = new Properties();
        props.setProperty("host", "127.0.0.1");
        props.setProperty("port", String.valueOf(port));
        props.setProperty("websocket_port", "disabled");
        props.setProperty("allow_anonymous", "true");
        props.setProperty("persistence_enabled", "false");
        props.setProperty("data_path", dir.resolve("broker").toAbsolutePath() + "/");
        broker = new Server();
        broker.startServer(new MemoryConfig(props), null, null, null, rules);
        return "tcp://127.0.0.1:" + port;
    }

    /** Refuses the first asks for one filter and lets everything else through; counts that filter's asks. */
    private static final class RefusingFirstAsks implements IAuthorizatorPolicy {
        private final String filter;
        private final String statusTopic;
        private final int refusals;
        private final AtomicInteger asked = new AtomicInteger();
        private final AtomicInteger statuses = new AtomicInteger();

        RefusingFirstAsks(String filter, String statusTopic, int refusals) {
            this.filter = filter;
            this.statusTopic = statusTopic;
            this.refusals = refusals;
        }

        @Override
        public boolean canWrite(io.moquette.broker.subscriptions.Topic topic, String user, String client) {
            if (topic.toString().equals(statusTopic)) {
                statuses.incrementAndGet();
            }
            return true;
        }

        @Override
        public boolean canRead(io.moquette.broker.subscriptions.Topic topic, String user, String client) {
            return !filter.equals(topic.toString()) || asked.incrementAndGet() > refusals;
        }

        int asked() {
            return asked.get();
        }

        int statuses() {
            return statuses.get();
        }
    }
}
