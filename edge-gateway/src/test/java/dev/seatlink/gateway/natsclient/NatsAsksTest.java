package dev.seatlink.gateway.natsclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.gateway.brokerlink.AtMostOnce;
import dev.seatlink.gateway.testing.TestCredentials;
import dev.seatlink.gateway.testing.MqttProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pair's asks of seats on a cluster go through its NATS client, and over the broker link while that is on no node. */
class NatsAsksTest {
    private static final String CMD = "seatlink/v1/hq/f1/s-001/cmd";
    private static final String ASK = "{\"type\":\"rebirth\",\"id\":\"r-1\",\"ts\":1800000000000}";
    @TempDir
    static Path dir;
    private static NatsCluster cluster;
    private final List<String> overBroker = new ArrayList<>();
    private final List<Boolean> counted = new ArrayList<>();
    private final AtMostOnce brokerLink = (topic, payload) -> overBroker.add(topic);

    @BeforeAll
    static void startNode() {
        cluster = NatsCluster.start(dir.resolve("cluster"), 1, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopNode() {
        cluster.close();
    }

    @Test
    void anAskGoesThroughTheNatsClientToTheSeatsMqttSubscriptionAndNotOverTheBrokerLink() throws Exception {
        NatsClient client = client();
        try (MqttProbe seat = new MqttProbe(mqttUrl(), CMD)) {
            client.connection();
            ask(client);

            await().atMost(Duration.ofSeconds(10)).until(() -> !seat.received().isEmpty());
            assertThat(seat.received()).containsExactly(new MqttProbe.Received(CMD, ASK));
            assertThat(overBroker).isEmpty();
            assertThat(counted).containsExactly(true);
        } finally {
            client.close();
        }
    }

    /** The gateway's login may publish on its floor's seats' {@code cmd} subjects through NATS, not only over MQTT. */
    @Test
    void onAClusterWithLoginsTheGatewaysAskReachesTheSeat() throws Exception {
        Path secrets = dir.resolve("secrets");
        TestCredentials.writeDemo(secrets);
        try (NatsCluster withLogins = NatsCluster.start(dir.resolve("logins"), 1, Duration.ofSeconds(60),
                TestCredentials.natsAuthorization(secrets));
             MqttProbe seat = MqttProbe.login(withLogins.brokerList().split(",")[0], "hq.f1.s-001",
                     TestCredentials.password(secrets.resolve("seats/s-001.credentials")), CMD)) {
            NatsClient client = new NatsClient(List.of(withLogins.natsList().split(",")), "hq.f1.gateway-a",
                    TestCredentials.password(secrets.resolve("gateway-a.credentials")), null, "hq.f1.gateway-a");
            try {
                client.connection();
                ask(client);

                await().atMost(Duration.ofSeconds(10)).until(() -> !seat.received().isEmpty());
                assertThat(seat.received()).containsExactly(new MqttProbe.Received(CMD, ASK));
            } finally {
                client.close();
            }
        }
    }

    @Test
    void anAskBeforeTheNatsClientReachedANodeGoesOverTheBrokerLink() throws Exception {
        NatsClient client = client(); // its connection is made by the lease store's first call: none yet

        ask(client);

        assertThat(overBroker).containsExactly(CMD);
        assertThat(counted).containsExactly(false);
    }

    @Test
    void anAskAfterTheNatsClientClosedGoesOverTheBrokerLink() throws Exception {
        NatsClient client = client();
        client.connection();
        client.close();

        ask(client);

        assertThat(overBroker).containsExactly(CMD);
        assertThat(counted).containsExactly(false);
    }

    /** The seat's ask, as the gateway's outbox makes it, through {@code client} or else the broker link. */
    private void ask(NatsClient client) {
        new NatsAsks(client, brokerLink, counted::add).publishAtMostOnce(CMD, ASK.getBytes(StandardCharsets.UTF_8));
    }

    private static NatsClient client() {
        return new NatsClient(List.of(cluster.natsList().split(",")), null, null, null, "hq.f1.gateway-a");
    }

    private static String mqttUrl() {
        return cluster.brokerList().split(",")[0];
    }
}
