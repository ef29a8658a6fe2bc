package dev.seatlink.terminal.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.cluster.NatsNode;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.CommandResult;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.DisplayKind;
import dev.seatlink.terminal.display.Displays;
import dev.seatlink.terminal.display.Screen;
import dev.seatlink.terminal.hardware.I2cDevices;
import dev.seatlink.terminal.seat.FakeClock;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import dev.seatlink.terminal.testing.TestSeat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal on a real 3-node NATS cluster whose subscription's consumer sits on a node that then dies for good:
 * the seat's probe does not come back, it subscribes again, and a supervisor's command reaches it. Without that, the
 * seat would hear nothing until the node returned. Likewise for its subscription to the floor's gateway topic, which
 * the seat finds stalled by the primary's heartbeats falling silent. The two tests, each on a cluster of its own,
 * run side by side: each spends most of its time waiting for the cluster to elect after the node's death.
 */
@Execution(ExecutionMode.CONCURRENT)
class SubscriptionOnClusterTest {
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    private final Codec codec = new Codec();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aSeatWhoseSubscriptionsNodeDiesForGoodSubscribesAgainAndHearsCommands() throws Exception {
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), 3, Duration.ofSeconds(60))) {
            SimulatedHardware hardware = new SimulatedHardware();
            TerminalAgent agent = hardware.newAgent(config(cluster.brokerList()), new FakeClock(1_763_900_001_000L),
                    Displays.create(DisplayKind.LCD1602, I2cDevices.open(hardware.gpio(), 1, 0x27, false), "I2C", null,
                            System::currentTimeMillis));
            agent.start();
            try {
                NatsNode doomed = await().atMost(RECOVERY).ignoreExceptions()
                        .until(() -> nodeHoldingTheSeatsSubscription(cluster), java.util.Objects::nonNull);
                doomed.kill(); // for good

                Set<String> answered = ConcurrentHashMap.newKeySet();
                MqttClient[] supervisor = {null};
                Topic cmd = Topic.seat("hq", "f1", "s-014", Topic.Kind.CMD);
                int[] sent = {0};
                // a command sent while the seat's subscription is stalled is lost, so ask again until one is answered;
                // right after a node's death the cluster may also drop or refuse the supervisor's own connection
                await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(3)).ignoreExceptions().until(() -> {
                    if (supervisor[0] == null || !supervisor[0].isConnected()) {
                        supervisor[0] = supervisorOnALiveNode(cluster, answered);
                    }
                    String id = "c-" + ++sent[0];
                    supervisor[0].publish(cmd.toString(), codec.encode(cmd, new Command.ShowMessage(id, "Huddle at 10",
                            "sup-7", System.currentTimeMillis())), 1, false);
                    return !answered.isEmpty();
                });
                assertThat(answered).isNotEmpty();
                closeQuietly(supervisor[0]);
            } finally {
                agent.close();
            }
        }
    }

    @Test
    void aSeatWhoseGatewayTopicsNodeDiesForGoodShowsTheGatewaySilentThenSubscribesAgainAndSeesItBack()
            throws Exception {
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("cluster"), 3, Duration.ofSeconds(60))) {
            SimulatedHardware hardware = new SimulatedHardware();
            FakeClock clock = new FakeClock(1_763_900_001_000L);
            AtomicReference<Screen> shown = new AtomicReference<>();
            java.util.concurrent.atomic.AtomicBoolean silenced = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicBoolean shownDown = new java.util.concurrent.atomic.AtomicBoolean();
            TerminalAgent agent = hardware.newAgent(config(cluster.brokerList()), clock, screen -> {
                shown.set(screen);
                if (silenced.get() && !screen.gatewayUp()) {
                    shownDown.set(true); // kept: the display may show it for a moment only
                }
            });
            agent.start();
            ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(2); // heartbeats, and the seat's time
            MqttClient primary = null;
            try {
                NatsNode doomed = await().atMost(RECOVERY).ignoreExceptions()
                        .until(() -> nodeHolding(cluster, "$MQTT.msgs.seatlink.v1.hq.f1.gateway"),
                                java.util.Objects::nonNull);
                primary = primaryHeartbeats(cluster, doomed, heartbeats);
                await().atMost(RECOVERY).until(() -> shown.get() != null && shown.get().gatewayUp());

                doomed.kill(); // for good: the seat's subscription to the gateway topic delivers nothing
                silenced.set(true);
                // the seat's time runs 10 times as fast from here: the heartbeats' silence, then its waits before it
                // subscribes again (a subscription made while the cluster still counts the dead node may land there)
                heartbeats.scheduleAtFixedRate(() -> clock.advanceMillis(2_000), 0, 200, TimeUnit.MILLISECONDS);

                await().atMost(RECOVERY).untilTrue(shownDown); // "NO GATEWAY"
                await().atMost(RECOVERY).until(() -> shown.get().gatewayUp()); // subscribed again, heard again
            } finally {
                agent.close();
                heartbeats.shutdownNow();
                if (primary != null) {
                    closeQuietly(primary);
                }
            }
        }
    }

    /**
     * Closes a client whose automatic reconnect may be under way (the cluster may have dropped it): Paho then refuses
     * to close ("Connect already in progress"), and its default forcible disconnect waits 40 s.
     */
    private static void closeQuietly(MqttClient client) {
        try {
            client.disconnectForcibly(0, 1_000);
        } catch (MqttException e) {
            System.out.println("test client not disconnected: " + e);
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            System.out.println("test client not closed: " + e);
        }
    }

    /** A primary gateway's retained heartbeat every 2 s, from a node other than {@code avoid}. */
    private MqttClient primaryHeartbeats(NatsCluster cluster, NatsNode avoid, ScheduledExecutorService every)
            throws MqttException {
        String[] live = cluster.nodes().stream().filter(n -> n != avoid).map(NatsNode::mqttUrl).toArray(String[]::new);
        MqttClient client = new MqttClient(live[0], "primary-test", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setServerURIs(live);
        options.setAutomaticReconnect(true); // the cluster may drop it while it settles after the node's death
        client.connect(options);
        Topic gateway = Topic.floor("hq", "f1", Topic.Kind.GATEWAY);
        long since = System.currentTimeMillis();
        every.scheduleAtFixedRate(() -> {
            try {
                client.publish(gateway.toString(), codec.encode(gateway, GatewayStatus.primary("hq.f1.gateway-a",
                        System.currentTimeMillis(), null, since)), 1, true);
            } catch (MqttException e) {
                System.out.println("heartbeat not sent: " + e);
            }
        }, 0, GatewayStatus.HEARTBEAT_MS, TimeUnit.MILLISECONDS);
        return client;
    }

    private TerminalConfig config(String brokers) {
        return TestSeat.config(brokers, dir.resolve("seat"), "linkCheckSeconds", "2");
    }

    /** The running node whose JetStream holds the consumer of the seat's subscription {@code …/s-014/+}, or null. */
    private NatsNode nodeHoldingTheSeatsSubscription(NatsCluster cluster) throws Exception {
        return nodeHolding(cluster, "$MQTT.msgs.seatlink.v1.hq.f1.s-014.*");
    }

    /** The running node whose JetStream holds a consumer of {@code subject}, or null. */
    private NatsNode nodeHolding(NatsCluster cluster, String subject) throws Exception {
        for (NatsNode node : cluster.nodes()) {
            if (!node.isRunning()) {
                continue;
            }
            HttpResponse<String> jsz = http.send(HttpRequest.newBuilder(URI.create(node.monitorUrl()
                    + "/jsz?consumers=true&config=true")).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode account : new ObjectMapper().readTree(jsz.body()).path("account_details")) {
                for (JsonNode stream : account.path("stream_detail")) {
                    for (JsonNode consumer : stream.path("consumer_detail")) {
                        if (subject.equals(consumer.path("config").path("filter_subject").asText())) {
                            return node;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** A supervisor's client on a running node, hearing the seat's command results. */
    private MqttClient supervisorOnALiveNode(NatsCluster cluster, Set<String> answered) throws MqttException {
        NatsNode node = cluster.nodes().stream().filter(NatsNode::isRunning).findFirst().orElseThrow();
        MqttClient client = new MqttClient(node.mqttUrl(), "supervisor-test", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setConnectionTimeout(10);
        // An answer that does not come fails this try, and the next poll tries again: Paho's default waits for ever.
        client.setTimeToWait(5_000);
        try {
            client.connect(options);
            // QoS 0: no JetStream consumer to wait for (a node's death holds those up to a minute; the seat's own
            // subscription is the one under test, and the command is sent again until answered)
            client.subscribe(Topic.seat("hq", "f1", "s-014", Topic.Kind.CMD_RESULT).toString(), 0, (topic, message) -> {
                if (codec.decode(topic, message.getPayload()) instanceof Decoded.Accepted accepted
                        && accepted.message() instanceof CommandResult result && result.ok()) {
                    answered.add(result.id());
                }
            });
            return client;
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
    }
}
