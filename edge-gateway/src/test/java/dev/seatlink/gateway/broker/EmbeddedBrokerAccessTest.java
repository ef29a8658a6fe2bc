package dev.seatlink.gateway.broker;

import dev.seatlink.gateway.testing.TestCredentials;
import static dev.seatlink.gateway.testing.FloorChecks.exactly;
import static dev.seatlink.gateway.testing.FloorChecks.storedSeqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.link.Credentials;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --embedded-auth the embedded broker enforces the same logins and rules as the Mosquitto ACL. */
class EmbeddedBrokerAccessTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final long T = System.currentTimeMillis();

    @TempDir
    Path dir;

    private Gateway gateway;
    private TerminalAgent agent;
    private MqttProbe seatA;

    @AfterEach
    void stop() throws Exception {
        if (seatA != null) {
            seatA.close();
        }
        if (agent != null) {
            agent.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private void publishRefused(Topic topic, dev.seatlink.protocol.Message message) {
        seatA.publishRefused(topic.toString(), new String(new dev.seatlink.protocol.Codec().encode(topic, message),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void seatsLogInWithTheirOwnCredentialsAndTouchOnlyTheirOwnTopics() throws Exception {
        Path secrets = dir.resolve("secrets");
        new CredentialFiles(secrets, TestCredentials.BCRYPT_COST).generate(new SiteConfigLoader().loadDemo());
        DemoManager manager = DemoManager.in(dir);
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw"))
                .withEmbeddedAuth(secrets).withUsers(manager.usersFile()));
        Http http = manager.http(gateway.httpPort());
        await().atMost(PATIENCE).until(() -> http.get("/health").statusCode() == 200);

        // a real terminal with its credentials works end to end
        Credentials login = Credentials.read(secrets.resolve("seats/s-007.credentials"));
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-007");
        props.setProperty("broker", gateway.brokerUrl());
        props.setProperty("username", login.username());
        props.setProperty("password", login.password());
        props.setProperty("dataDir", dir.resolve("s-007").toString());
        SimulatedHardware seat = new SimulatedHardware();
        agent = seat.newAgent(TerminalConfig.from(props, "test"), Clock.system(), Display.NONE);
        agent.start();
        await().atMost(PATIENCE).until(() -> http.json("/api/seats/s-007").path("online").asBoolean());
        seat.press(Key.READY);
        await().atMost(PATIENCE).until(() -> exactly(http, "s-007", 1));
        assertThat(http.json("/api/seats/s-007").path("agent").asText()).isEqualTo("a1007"); // it read its config

        // seat A cannot write under seat B nor read B's commands
        Credentials a = Credentials.read(secrets.resolve("seats/s-001.credentials"));
        seatA = MqttProbe.login(gateway.brokerUrl(), a.username(), a.password());
        // (Moquette drops a refused QoS 1 publish without PUBACK, so the probe's bounded wait may time out)
        publishRefused(Topic.seat("hq", "f1", "s-002", Topic.Kind.STATUS), SeatStatus.online("b", "1", T));
        publishRefused(Topic.seat("hq", "f1", "s-002", Topic.Kind.EVENT), new SeatEvent("s-002", null, AgentState.READY,
                AgentState.BUSY, null, false, T, 1, "b", Cause.BUTTON));
        Thread.sleep(1_000);
        assertThat(storedSeqs(http, "s-002")).isEmpty();
        assertThat(http.json("/api/seats/s-002").path("online").asBoolean()).isFalse();

        // seat A's login cannot take the gateway's client id or seat B's (it would knock them off the broker)
        for (String someoneElse : new String[] {"hq.f1.gateway", "hq.f1.s-007"}) {
            assertThatThrownBy(() -> MqttProbe.loginAs(gateway.brokerUrl(), someoneElse, a.username(),
                    a.password())).as(someoneElse).isInstanceOf(MqttSecurityException.class);
        }
        assertThat(http.json("/health").path("broker").asText()).isEqualTo("UP");
        seat.press(Key.BUSY);
        await().atMost(PATIENCE).until(() -> exactly(http, "s-007", 2));
        assertThat(http.json("/api/seats/s-007").path("online").asBoolean()).isTrue();

        // a takeover with the seat's own login (persistent session, then clean), each time with publishes the
        // broker refuses and never acknowledges, does not jam the seat: its terminal comes back and delivers
        for (boolean clean : new boolean[] {false, true}) {
            try (MqttProbe takeover = MqttProbe.login(gateway.brokerUrl(), login.username(),
                    login.password(), clean)) {
                for (int i = 0; i < 5; i++) {
                    takeover.publishRefused(Topic.seat("hq", "f1", "s-008", Topic.Kind.EVENT).toString(), "{}");
                }
            }
        }
        seat.press(Key.BUSY);
        seat.press(Key.READY);
        await().atMost(PATIENCE).until(() -> exactly(http, "s-007", 4));
        assertThat(http.json("/api/seats/s-007").path("state").asText()).isEqualTo("READY");

        // and nobody gets in without a valid password
        // Moquette closes an anonymous connection instead of answering "not authorised": refused either way
        assertThatThrownBy(() -> new MqttProbe(gateway.brokerUrl())).isInstanceOf(org.eclipse.paho.client.mqttv3.MqttException.class);
        assertThatThrownBy(() -> MqttProbe.login(gateway.brokerUrl(), a.username(), "guess"))
                .isInstanceOf(MqttSecurityException.class);
    }
}
