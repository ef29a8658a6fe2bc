package dev.seatlink.terminal.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.StablePorts;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.CommandResult;
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
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that refuses a seat's subscription for a while, as a NATS cluster does while it elects a leader or misses a
 * node (here an embedded Moquette whose read rule refuses one filter). Paho reports a refused SUBACK as a success, so
 * a seat that did not look at its codes would believe itself subscribed: it would never hear the gateway, and nothing
 * would make it ask again (that topic has no probe, and its watch only starts once a heartbeat was heard). The seat
 * asks again, alone and one ask at a time, for what was refused, and meanwhile its own messages still go out.
 */
class RefusedSubscriptionTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final Codec codec = new Codec();
    private final Topic gateway = Topic.floor("hq", "f1", Topic.Kind.GATEWAY);
    private final Topic seatStatus = Topic.seat("hq", "f1", "s-014", Topic.Kind.STATUS);
    private final String seatTopics = Topic.oneSeat("hq", "f1", "s-014");

    @TempDir
    Path dir;

    private Server broker;
    private MqttClient floor;
    private TerminalAgent agent;

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (floor != null) {
            if (floor.isConnected()) {
                floor.disconnect();
            }
            floor.close();
        }
        if (broker != null) {
            broker.stopServer();
        }
    }

    @Test
    void aGatewayTopicTheBrokerRefusedAtFirstIsAskedForAgainAndTheGatewayIsShownUp() throws Exception {
        Refusing rules = Refusing.firstTimes(gateway.toString(), 2);
        String url = startBroker(rules);
        AtomicReference<SeatStatus> seatSaid = new AtomicReference<>();
        floor.subscribe(seatStatus.toString(), 1, (topic, message) -> {
            if (codec.decode(topic, message.getPayload()) instanceof Decoded.Accepted accepted
                    && accepted.message() instanceof SeatStatus status) {
                seatSaid.set(status);
            }
        });

        AtomicReference<Screen> shown = new AtomicReference<>();
        // no probe comes to the rescue within the test
        startSeat(url, "3600", shown);

        await().atMost(BOUND).until(() -> seatSaid.get() != null && seatSaid.get().online());
        await().atMost(BOUND).until(() -> shown.get() != null && shown.get().gatewayUp());
        assertThat(rules.refused()).isEqualTo(2);
    }

    @Test
    void whileItsOwnTopicsAreRefusedTheSeatAsksForThemAloneAndDoesNotProbeThemIntoSubscribingEverythingAgain()
            throws Exception {
        // longer than a probe takes to count as stalled (5 s after its PUBACK): a probed refused filter would have
        // subscribed the gateway topic again within it
        Refusing rules = Refusing.forMillis(seatTopics, 12_000);
        String url = startBroker(rules);
        AtomicInteger answered = new AtomicInteger();
        floor.subscribe(Topic.seat("hq", "f1", "s-014", Topic.Kind.CMD_RESULT).toString(), 1, (topic, message) -> {
            if (codec.decode(topic, message.getPayload()) instanceof Decoded.Accepted accepted
                    && accepted.message() instanceof CommandResult result && result.ok()) {
                answered.incrementAndGet();
            }
        });

        startSeat(url, "2", new AtomicReference<>());

        await().atMost(Duration.ofSeconds(60)).until(() -> rules.granted(seatTopics) == 1);
        Topic cmd = Topic.seat("hq", "f1", "s-014", Topic.Kind.CMD);
        floor.publish(cmd.toString(), codec.encode(cmd, new Command.ShowMessage("c-1", "Huddle at 10", "sup-7",
                System.currentTimeMillis())), 1, false);
        await().atMost(BOUND).until(() -> answered.get() == 1);
        assertThat(rules.refused()).as("asked again while refused").isGreaterThan(1);
        assertThat(rules.asked(gateway.toString())).as("the gateway topic, granted at once, asked for once")
                .isEqualTo(1);
    }

    /** An embedded broker with {@code rules}, a retained primary heartbeat on it, and the floor's client connected. */
    private String startBroker(Refusing rules) throws Exception {
        int port = StablePorts.next();
        broker = new Server();
        broker.startServer(new MemoryConfig(brokerProperties(port)), null, null, null, rules);
        String url = "tcp://127.0.0.1:" + port;
        floor = new MqttClient(url, "floor-test", new MemoryPersistence());
        floor.connect(cleanSession());
        long now = System.currentTimeMillis();
        floor.publish(gateway.toString(), codec.encode(gateway, GatewayStatus.primary("hq.f1.gateway-a", now, null,
                now)), 1, true);
        return url;
    }

    private void startSeat(String url, String linkCheckSeconds, AtomicReference<Screen> shown) {
        TerminalConfig config = TestSeat.config(url, dir.resolve("seat"), "linkCheckSeconds", linkCheckSeconds);
        agent = new SimulatedHardware().newAgent(config, new FakeClock(System.currentTimeMillis()), shown::set);
        agent.start();
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

    /** Lets everything through but one filter while its {@link Rule} says no; counts every filter's asks. */
    private static final class Refusing implements IAuthorizatorPolicy {
        /** Whether to refuse the next ask, given the refusals so far and the time since the first ask. */
        private interface Rule {
            boolean refuses(int refusedSoFar, long sinceFirstAskMs);
        }

        private final String filter;
        private final Rule rule;
        private final AtomicInteger refused = new AtomicInteger();
        private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> granted = new ConcurrentHashMap<>();
        private volatile long firstAskNanos;

        private Refusing(String filter, Rule rule) {
            this.filter = filter;
            this.rule = rule;
        }

        static Refusing firstTimes(String filter, int times) {
            return new Refusing(filter, (refusedSoFar, sinceFirstAskMs) -> refusedSoFar < times);
        }

        static Refusing forMillis(String filter, long window) {
            return new Refusing(filter, (refusedSoFar, sinceFirstAskMs) -> sinceFirstAskMs < window);
        }

        @Override
        public boolean canWrite(io.moquette.broker.subscriptions.Topic topic, String user, String client) {
            return true;
        }

        @Override
        public synchronized boolean canRead(io.moquette.broker.subscriptions.Topic topic, String user, String client) {
            String asking = topic.toString();
            asked.computeIfAbsent(asking, f -> new AtomicInteger()).incrementAndGet();
            if (filter.equals(asking)) {
                if (firstAskNanos == 0) {
                    firstAskNanos = System.nanoTime();
                }
                if (rule.refuses(refused.get(), (System.nanoTime() - firstAskNanos) / 1_000_000)) {
                    refused.incrementAndGet();
                    return false;
                }
            }
            granted.computeIfAbsent(asking, f -> new AtomicInteger()).incrementAndGet();
            return true;
        }

        int refused() {
            return refused.get();
        }

        int asked(String filter) {
            return asked.getOrDefault(filter, new AtomicInteger()).get();
        }

        int granted(String filter) {
            return granted.getOrDefault(filter, new AtomicInteger()).get();
        }
    }
}
