package dev.seatlink.gateway.natsclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.gateway.brokerlink.AtMostOnce;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.gateway.testing.TestCredentials;
import dev.seatlink.gateway.testing.MqttProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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
            new NatsAsks(client, brokerLink, counted::add).publishAtMostOnce(CMD, ASK.getBytes(StandardCharsets.UTF_8));

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
        new CredentialFiles(secrets, TestCredentials.BCRYPT_COST).generate(new SiteConfigLoader().loadDemo());
        String users = Files.readAllLines(secrets.resolve("nats-users.conf")).stream()
                .filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
        try (NatsCluster withLogins = NatsCluster.start(dir.resolve("logins"), 1, Duration.ofSeconds(60),
                "authorization { users = [\n" + users + "\n] }\n");
             MqttProbe seat = MqttProbe.login(withLogins.brokerList().split(",")[0], "hq.f1.s-001",
                     password(secrets.resolve("seats/s-001.credentials")), CMD)) {
            NatsClient client = new NatsClient(List.of(withLogins.natsList().split(",")), "hq.f1.gateway-a",
                    password(secrets.resolve("gateway-a.credentials")), null, "hq.f1.gateway-a");
            try {
                client.connection();
                new NatsAsks(client, brokerLink, counted::add).publishAtMostOnce(CMD,
                        ASK.getBytes(StandardCharsets.UTF_8));

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

        new NatsAsks(client, brokerLink, counted::add).publishAtMostOnce(CMD, ASK.getBytes(StandardCharsets.UTF_8));

        assertThat(overBroker).containsExactly(CMD);
        assertThat(counted).containsExactly(false);
    }

    @Test
    void anAskAfterTheNatsClientClosedGoesOverTheBrokerLink() throws Exception {
        NatsClient client = client();
        client.connection();
        client.close();

        new NatsAsks(client, brokerLink, counted::add).publishAtMostOnce(CMD, ASK.getBytes(StandardCharsets.UTF_8));

        assertThat(overBroker).containsExactly(CMD);
        assertThat(counted).containsExactly(false);
    }

    private static NatsClient client() {
        return new NatsClient(List.of(cluster.natsList().split(",")), null, null, null, "hq.f1.gateway-a");
    }

    private static String password(Path credentials) throws Exception {
        return Files.readAllLines(credentials).get(1).substring("password=".length());
    }

    private static String mqttUrl() {
        return cluster.brokerList().split(",")[0];
    }
}
