package dev.seatlink.terminal.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.StablePorts;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Screen;
import dev.seatlink.terminal.seat.FakeClock;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import dev.seatlink.terminal.testing.TestSeat;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthorizatorPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that refuses a seat's subscription at first, as a NATS cluster does while it elects a leader or misses a
 * node (here an embedded Moquette whose read rule refuses the floor's gateway topic twice). Paho reports a refused
 * SUBACK as a success, so a seat that did not look at its codes would believe itself subscribed: it would never hear
 * the gateway, and nothing would make it ask again (that topic has no probe, and its watch only starts once a
 * heartbeat was heard). The seat asks again for what was refused, and meanwhile its own messages still go out.
 */
class RefusedSubscriptionTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final Codec codec = new Codec();
    private final Topic gateway = Topic.floor("hq", "f1", Topic.Kind.GATEWAY);
    private final Topic seatStatus = Topic.seat("hq", "f1", "s-014", Topic.Kind.STATUS);

    @TempDir
    Path dir;

    @Test
    void aGatewayTopicTheBrokerRefusedAtFirstIsAskedForAgainAndTheGatewayIsShownUp() throws Exception {
        RefusingAtFirst rules = new RefusingAtFirst(gateway.toString(), 2);
        int port = StablePorts.next();
        Server broker = new Server();
        broker.startServer(new MemoryConfig(brokerProperties(port)), null, null, null, rules);
        String url = "tcp://127.0.0.1:" + port;
        MqttClient floor = new MqttClient(url, "floor-test", new MemoryPersistence());
        TerminalAgent agent = null;
        try {
            floor.connect(cleanSession());
            AtomicReference<SeatStatus> seatSaid = new AtomicReference<>();
            floor.subscribe(seatStatus.toString(), 1, (topic, message) -> {
                if (codec.decode(topic, message.getPayload()) instanceof Decoded.Accepted accepted
                        && accepted.message() instanceof SeatStatus status) {
                    seatSaid.set(status);
                }
            });
            long now = System.currentTimeMillis();
            floor.publish(gateway.toString(), codec.encode(gateway,
                    GatewayStatus.primary("hq.f1.gateway-a", now, null, now)), 1, true);

            AtomicReference<Screen> shown = new AtomicReference<>();
            agent = new SimulatedHardware().newAgent(config(url), new FakeClock(now), shown::set);
            agent.start();

            await().atMost(BOUND).until(() -> seatSaid.get() != null && seatSaid.get().online());
            await().atMost(BOUND).until(() -> shown.get() != null && shown.get().gatewayUp());
            assertThat(rules.refused()).isEqualTo(2);
        } finally {
            if (agent != null) {
                agent.close();
            }
            if (floor.isConnected()) {
                floor.disconnect();
            }
            floor.close();
            broker.stopServer();
        }
    }

    private Properties brokerProperties(int port) {
        Properties props = new Properties();
        props.setProperty("host", "127.0.0.1");
        props.setProperty("port", String.valueOf(port));
        props.setProperty("websocket_port", "disabled");
        props.setProperty("allow_anonymous", "true");
        props.setProperty("persistence_enabled", "false");
        props.setProperty("data_path", dir.resolve("broker").toAbsolutePath() + "/");
        return props;
    }

    private static MqttConnectOptions cleanSession() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        return options;
    }

    private TerminalConfig config(String broker) {
        // no probe comes to the rescue within the test
        return TestSeat.config(broker, dir.resolve("seat"), "linkCheckSeconds", "3600");
    }

    /** Lets everything through but the first {@code times} subscriptions to one filter. */
    private static final class RefusingAtFirst implements IAuthorizatorPolicy {
        private final String filter;
        private final int times;
        private final AtomicInteger refused = new AtomicInteger();

        RefusingAtFirst(String filter, int times) {
            this.filter = filter;
            this.times = times;
        }

        @Override
        public boolean canWrite(io.moquette.broker.subscriptions.Topic topic, String user, String client) {
            return true;
        }

        @Override
        public boolean canRead(io.moquette.broker.subscriptions.Topic topic, String user, String client) {
            if (!filter.equals(topic.toString())) {
                return true;
            }
            return refused.getAndUpdate(n -> n < times ? n + 1 : n) >= times;
        }

        int refused() {
            return refused.get();
        }
    }
}
