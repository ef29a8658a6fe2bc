package dev.seatlink.gateway.natsclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.cluster.NatsNode;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.gateway.testing.TestCredentials;
import io.nats.client.Connection;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker link's connect to a cluster waits until the nodes can take its session, and no longer. */
class MqttStoreGateTest {
    private static final String GATEWAY = "hq.f1.gateway-a";
    /** A login the NATS client may use that may publish nothing: never answered. */
    private static final String NOSY = "{user: \"nosy\", password: \"nosy-password\", "
            + "permissions: {publish: {deny: [\">\"]}, subscribe: {allow: [\"_INBOX.nosy.>\"]}}}";
    /** One that may ask but never hears an answer. */
    private static final String DEAF = "{user: \"deaf\", password: \"deaf-password\", "
            + "permissions: {publish: {allow: [\">\"]}, subscribe: {deny: [\">\"]}}}";
    @TempDir
    static Path dir;
    private static NatsCluster loneNode;
    private static String gatewayPassword;
    private static Vertx vertx;
    /** The NATS client of the test, closed after it. */
    private NatsClient client;

    @BeforeAll
    static void start() throws Exception {
        Path secrets = dir.resolve("secrets");
        TestCredentials.writeDemo(secrets);
        gatewayPassword = TestCredentials.password(secrets.resolve("gateway-a.credentials"));
        String authorization = TestCredentials.natsAuthorization(secrets).replace("\n] }", "\n" + NOSY + "\n" + DEAF
                + "\n] }");
        loneNode = NatsCluster.start(dir.resolve("lone"), 1, Duration.ofSeconds(60), authorization);
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeClient() throws InterruptedException {
        if (client != null) {
            client.close();
        }
    }

    @AfterAll
    static void stop() {
        loneNode.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Before any MQTT connect the streams are not made, and a lone server leads its own: nothing to wait for. */
    @Test
    void aGatewaysLoginIsAnsweredAndTheGateOpensBeforeAndAfterTheStreamsAreMade() throws Exception {
        client = connected(GATEWAY, gatewayPassword);
        assertThat(openedWithin(gate(60_000), 10)).isNotNegative();

        MqttProbe.login(loneNode.brokerList(), GATEWAY, gatewayPassword, false).close(); // makes the streams
        assertThat(answer(client.connection(), "$JS.API.STREAM.INFO.$MQTT_sess")).contains("\"messages\":1")
                .doesNotContain("\"cluster\"", "\"error\"");
        assertThat(openedWithin(gate(60_000), 10)).isNotNegative();
    }

    /** A login from before the gate (its floor's logins not generated again) is refused, and need not wait for it. */
    @Test
    void aLoginThatMayNotAskIsRefusedAndTheLinkConnectsWithoutWaiting() throws Exception {
        client = connected("nosy", "nosy-password");
        assertThat(openedWithin(gate(60_000), 10)).isNotNegative();
        assertThat(client.refusedToPublish("$JS.API.INFO")).isTrue();
    }

    /** Questions never answered (a cluster that cannot elect leaders, say) hold the link's connect only so long. */
    @Test
    void neverAnsweredTheGateOpensAfterItsBound() throws Exception {
        client = connected("deaf", "deaf-password");
        assertThat(openedWithin(gate(2_000), 10)).isGreaterThanOrEqualTo(2_000);
    }

    /** A gateway starting has not made its NATS client's connection yet (the lease store makes it): none to wait for. */
    @Test
    void aNatsClientNotMadeYetHasNothingToAskWithAndTheLinkConnectsAtOnce() throws Exception {
        client = new NatsClient(List.of(loneNode.natsList()), GATEWAY, gatewayPassword, null, GATEWAY);

        FloorClock stopped = () -> 0; // no bound ever passes: only "not made" opens it
        assertThat(openedWithin(new MqttStoreGate(vertx, client, stopped, 60_000), 10)).isNotNegative();
    }

    /** Between nodes the client has nothing to ask with; it is given a second to reach one. */
    @Test
    void aNatsClientOnNoNodeHasNothingToAskWithAndTheLinkConnectsAfterASecond() throws Exception {
        client = connected(GATEWAY, gatewayPassword);
        client.close(); // made, on no node

        assertThat(openedWithin(gate(60_000), 10)).isGreaterThanOrEqualTo(MqttStoreGate.NO_CLIENT_MS);
    }

    /**
     * The node leading {@code $MQTT_sess} killed: a connect sent before the others elect a new leader fails after
     * their 4-s JetStream timeout. Once the gate opens, the first connect restores the session.
     */
    @Test
    void afterTheSessionStreamsLeaderIsKilledTheFirstConnectOnceTheGateOpensRestoresTheSession() throws Exception {
        try (NatsCluster cluster = NatsCluster.start(dir.resolve("three"), 3, Duration.ofSeconds(60))) {
            MqttProbe.session(cluster.node(0).mqttUrl(), GATEWAY).close();
            for (NatsNode node : cluster.nodes()) { // as on a floor, where seats are on every node: the first MQTT
                MqttProbe.session(node.mqttUrl(), "seat-on-" + node.name()).close(); // connect to a node makes its
            } // consumer of retained messages, which is not the gate's to wait for
            NatsNode leader = leaderOfSessions(cluster);
            List<NatsNode> others = cluster.nodes().stream().filter(node -> node != leader).toList();
            client = new NatsClient(others.stream().map(NatsNode::clientUrl).toList(), null, null, null, GATEWAY);
            client.connection();
            leader.kill();

            assertThat(openedWithin(gate(60_000), 30)).isNotNegative();
            MqttClient link = new MqttClient(others.get(0).mqttUrl(), GATEWAY, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(false);
            options.setConnectionTimeout(10);
            assertThat(link.connectWithResult(options).getSessionPresent()).isTrue();
            link.disconnect();
            link.close();
        }
    }

    /** A client of the lone node under {@code login}, on it. */
    private static NatsClient connected(String login, String password) throws Exception {
        NatsClient made = new NatsClient(List.of(loneNode.natsList()), login, password, null, login);
        made.connection();
        return made;
    }

    /** A gate asking through the test's client, waiting at most {@code waitAtMostMs}. */
    private MqttStoreGate gate(long waitAtMostMs) {
        return new MqttStoreGate(vertx, client, FloorClock.SYSTEM, waitAtMostMs);
    }

    /** How many ms after being asked the gate opened, waiting at most {@code seconds}. */
    private static long openedWithin(MqttStoreGate gate, int seconds) {
        AtomicLong openedAfter = new AtomicLong(-1);
        long asked = System.currentTimeMillis();
        vertx.runOnContext(v -> gate.opened().onComplete(open -> openedAfter.set(System.currentTimeMillis() - asked)));
        await().atMost(Duration.ofSeconds(seconds)).until(() -> openedAfter.get() >= 0);
        return openedAfter.get();
    }

    private static NatsNode leaderOfSessions(NatsCluster cluster) throws Exception {
        Connection nats = io.nats.client.Nats.connect(cluster.node(0).clientUrl());
        try {
            String info = answer(nats, "$JS.API.STREAM.INFO.$MQTT_sess");
            String name = new com.fasterxml.jackson.databind.ObjectMapper().readTree(info).path("cluster")
                    .path("leader").asText();
            return cluster.nodes().stream().filter(node -> node.name().equals(name)).findFirst().orElseThrow();
        } finally {
            nats.close();
        }
    }

    private static String answer(Connection nats, String subject) throws Exception {
        return new String(nats.request(subject, null, Duration.ofSeconds(5)).getData(), StandardCharsets.UTF_8);
    }
}
