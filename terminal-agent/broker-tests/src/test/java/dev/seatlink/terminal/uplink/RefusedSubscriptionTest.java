package dev.seatlink.terminal.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import dev.seatlink.terminal.testing.RefusingBroker;
import dev.seatlink.terminal.testing.TestSeat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A broker that refuses a seat's subscription for a while, as a NATS cluster does while it elects a leader or misses a
 * node (here an embedded Moquette whose read rule refuses one filter). Paho reports a refused SUBACK as a success, so
 * a seat that did not look at its codes would believe itself subscribed: it would never hear the gateway, and nothing
 * would make it ask again (that topic has no probe, and its watch only starts once a heartbeat was heard). The seat
 * asks again, alone and one ask at a time, for what was refused, and meanwhile its own messages still go out. The two
 * tests, each with a broker and a seat of its own, run side by side: both mostly wait out the refusals.
 */
@Execution(ExecutionMode.CONCURRENT)
class RefusedSubscriptionTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final Codec codec = new Codec();
    private final Topic gateway = Topic.floor("hq", "f1", Topic.Kind.GATEWAY);
    private final Topic seatStatus = Topic.seat("hq", "f1", "s-014", Topic.Kind.STATUS);
    private final String seatTopics = Topic.oneSeat("hq", "f1", "s-014");

    @TempDir
    Path dir;

    private RefusingBroker broker;
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
            broker.close();
        }
    }

    @Test
    void aGatewayTopicTheBrokerRefusedAtFirstIsAskedForAgainAndTheGatewayIsShownUp() throws Exception {
        RefusingBroker rules = RefusingBroker.firstTimes(gateway.toString(), 2);
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
        RefusingBroker rules = RefusingBroker.forMillis(seatTopics, 12_000);
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
    private String startBroker(RefusingBroker rules) throws Exception {
        broker = rules;
        String url = rules.start(dir.resolve("broker"));
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

    private static MqttConnectOptions cleanSession() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        return options;
    }
}
