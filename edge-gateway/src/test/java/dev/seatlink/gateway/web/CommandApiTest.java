package dev.seatlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.gateway.testing.FreePorts;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervisor commands through the HTTP API: signed in, carried out by a real terminal, answered. */
class CommandApiTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private Gateway gateway;
    private TerminalAgent agent;
    private MqttProbe probe;
    private Http http;
    private String password;

    @BeforeEach
    void start() throws Exception {
        CredentialFiles secrets = new CredentialFiles(dir.resolve("secrets"));
        secrets.supervisor("sup-7");
        password = Files.readAllLines(dir.resolve("secrets/supervisors/sup-7.credentials")).get(1).substring(9);
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, FreePorts.next(), dir.resolve("gw"))
                .withUsers(dir.resolve("secrets/supervisors.passwd")));
        http = new Http(gateway.httpPort());
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-008");
        props.setProperty("broker", gateway.brokerUrl());
        props.setProperty("dataDir", dir.resolve("s-008").toString());
        SimulatedHardware seat = new SimulatedHardware();
        agent = seat.newAgent(TerminalConfig.from(props, "test"), Clock.system(), Display.NONE);
        agent.start();
        probe = new MqttProbe(gateway.brokerUrl(), "seatlink/v1/hq/f1/s-008/cmd");
        await().atMost(PATIENCE).until(() -> http.json("/api/seats/s-008").path("online").asBoolean());
        seat.press(Key.READY);
        await().atMost(PATIENCE).until(() -> "READY".equals(http.json("/api/seats/s-008").path("state").asText()));
    }

    @AfterEach
    void stop() throws Exception {
        probe.close();
        agent.close();
        gateway.close();
    }

    @Test
    void aSignedInSupervisorMovesTheSeatAndReadsItsAnswer() throws Exception {
        var response = http.post("/api/seats/s-008/commands", "{\"cmd\":\"set-state\",\"state\":\"NOT_READY\","
                + "\"reason\":\"coaching\"}", "sup-7", password);

        assertThat(response.statusCode()).isEqualTo(202);
        String id = new ObjectMapper().readTree(response.body()).path("id").asText();
        await().atMost(PATIENCE).until(() -> http.get("/api/commands/" + id).statusCode() == 200);
        assertThat(http.json("/api/commands/" + id).path("ok").asBoolean()).isTrue();
        assertThat(http.json("/api/seats/s-008").path("reason").asText()).isEqualTo("coaching");
        // the command on the wire names the signed-in supervisor, whatever the body says
        assertThat(probe.received()).anySatisfy(m -> assertThat(m.payload()).contains("\"by\":\"sup-7\""));
    }

    @Test
    void aRefusalFromTheSeatIsReported() throws Exception {
        var response = http.post("/api/seats/s-008/commands", "{\"cmd\":\"set-state\",\"state\":\"BUSY\"}", "sup-7",
                password);

        String id = new ObjectMapper().readTree(response.body()).path("id").asText();
        await().atMost(PATIENCE).until(() -> http.get("/api/commands/" + id).statusCode() == 200);
        assertThat(http.json("/api/commands/" + id).path("ok").asBoolean()).isFalse();
        assertThat(http.json("/api/commands/" + id).path("error").asText()).contains("cannot be set");
    }

    @Test
    void withoutValidCredentialsNothingIsSent() {
        var anonymous = http.post("/api/seats/s-008/commands", "{\"cmd\":\"ack-help\"}", null, null);
        var wrong = http.post("/api/seats/s-008/commands", "{\"cmd\":\"ack-help\"}", "sup-7", "guess");
        var unknown = http.post("/api/seats/s-008/commands", "{\"cmd\":\"ack-help\"}", "nobody", password);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(probe.received()).isEmpty();
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        assertThat(http.post("/api/seats/s-008/commands", "not json", "sup-7", password).statusCode()).isEqualTo(400);
        assertThat(http.post("/api/seats/s-008/commands", "{\"cmd\":\"reboot\"}", "sup-7", password).body())
                .contains("cmd must be");
        assertThat(http.post("/api/seats/s-008/commands", "{\"cmd\":\"set-state\",\"state\":\"NOT_READY\"}", "sup-7",
                password).body()).contains("needs a reason");
        assertThat(http.post("/api/seats/s-999/commands", "{\"cmd\":\"ack-help\"}", "sup-7", password).statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/commands/nope").statusCode()).isEqualTo(404);
    }
}
