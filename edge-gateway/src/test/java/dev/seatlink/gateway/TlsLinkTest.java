package dev.seatlink.gateway;

import static dev.seatlink.gateway.testing.FloorChecks.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.FreePorts;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MosquittoBroker;
import dev.seatlink.gateway.testing.TestCertificates;
import dev.seatlink.link.BrokerTls;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terminal and gateway reach Mosquitto over TLS, trusting only the floor's CA (one the test creates). */
class TlsLinkTest {
    @TempDir
    Path dir;

    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void terminalAndGatewayTalkOverTlsTrustingOnlyTheFloorsCa() throws Exception {
        Assumptions.assumeTrue(MosquittoBroker.installed(), "mosquitto is not installed");
        Assumptions.assumeTrue(TestCertificates.opensslInstalled(), "openssl is not installed");
        TestCertificates certificates = new TestCertificates(dir);
        certificates.ca("ca");
        certificates.ca("other-ca");
        certificates.server("broker", "ca");
        int port = FreePorts.next();
        running.add(MosquittoBroker.start(dir.resolve("mosquitto"), port, "cafile " + dir.resolve("ca.pem")
                + "\ncertfile " + dir.resolve("broker.pem") + "\nkeyfile " + dir.resolve("broker.key") + "\n"));
        String url = "ssl://127.0.0.1:" + port;

        // the gateway and a terminal both trusting the floor's CA
        DemoManager manager = DemoManager.in(dir);
        Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, url, 0, dir.resolve("gw"))
                .withLogin(null, null, dir.resolve("ca.pem")).withUsers(manager.usersFile()));
        running.add(gateway);
        Http http = manager.http(gateway.httpPort());
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-004");
        props.setProperty("broker", url);
        props.setProperty("tls.caFile", dir.resolve("ca.pem").toString());
        props.setProperty("dataDir", dir.resolve("s-004").toString());
        SimulatedHardware seat = new SimulatedHardware();
        TerminalAgent agent = seat.newAgent(TerminalConfig.from(props, "test"), Clock.system(), Display.NONE);
        running.add(agent);
        agent.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> http.json("/api/seats/s-004").path("online").asBoolean());
        seat.press(Key.READY);
        await().atMost(Duration.ofSeconds(30)).until(() -> exactly(http, "s-004", 1));
        assertThat(http.get("/health").statusCode()).isEqualTo(200);

        // and a client that trusts another CA is turned away in the handshake
        MqttClient stranger = new MqttClient(url, "stranger", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(BrokerTls.trusting(dir.resolve("other-ca.pem")));
        options.setConnectionTimeout(5);
        assertThatThrownBy(() -> stranger.connect(options)).isInstanceOf(MqttException.class);
        stranger.close();
    }
}
