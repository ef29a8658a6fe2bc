package dev.seatlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    private String leaderPassword;
    private String otherLeaderPassword;

    @BeforeEach
    void start() throws Exception {
        Path secrets = dir.resolve("secrets");
        // the demo site: fm-dana manages the floor, tl-anna leads billing-1 (s-001..s-008), tl-ben leads vip-care
        password = DemoManager.account(secrets, "fm-dana");
        leaderPassword = DemoManager.account(secrets, "tl-anna");
        otherLeaderPassword = DemoManager.account(secrets, "tl-ben");
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw"))
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

    /**
     * What reached the seat's command topic other than the gateway's own rebirth asks (it asks one, for instance, when
     * the seat's first data came before its status, as it may when the machine is busy).
     */
    private List<MqttProbe.Received> supervisorsCommands() {
        return probe.received().stream().filter(m -> !m.payload().contains("\"cmd\":\"rebirth\"")).toList();
    }

    private String commandId(java.net.http.HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new ObjectMapper().readTree(response.body()).path("id").asText();
    }

    private String finalStatus(String id) {
        await().atMost(PATIENCE).until(() -> !"pending".equals(http.json("/api/commands/" + id).path("status").asText()));
        return http.json("/api/commands/" + id).path("status").asText();
    }

    @AfterEach
    void stop() throws Exception {
        if (probe != null) {
            probe.close();
        }
        if (agent != null) {
            agent.close();
        }
        gateway.close();
    }

    @Test
    void aSignedInSupervisorMovesTheSeatAndReadsItsAnswer() throws Exception {
        var response = http.post("/api/seats/s-008/commands", "{\"cmd\":\"set-state\",\"state\":\"NOT_READY\","
                + "\"reason\":\"coaching\"}", "fm-dana", password);

        String id = commandId(response);
        assertThat(finalStatus(id)).isEqualTo("ok");
        assertThat(http.json("/api/seats/s-008").path("reason").asText()).isEqualTo("coaching");
        // the command on the wire names the signed-in supervisor, whatever the body says
        assertThat(probe.received()).anySatisfy(m -> assertThat(m.payload()).contains("\"by\":\"fm-dana\""));
    }

    @Test
    void aCommandAnotherSitesPageCouldSendIsRefusedAndNothingReachesTheSeat() throws Exception {
        String logout = "{\"cmd\":\"set-state\",\"state\":\"LOGGED_OUT\"}";
        String path = "/api/seats/s-008/commands";

        var form = http.post(path, logout, "text/plain", Map.of(), "fm-dana", password);
        var otherOrigin = http.post(path, logout, "application/json", Map.of("Origin", "http://evil.example"),
                "fm-dana", password);
        var crossSite = http.post(path, logout, "application/json", Map.of("Sec-Fetch-Site", "cross-site"),
                "fm-dana", password);
        var ownPage = http.post(path, "{\"cmd\":\"message\",\"text\":\"hi\"}", "application/json",
                Map.of("Origin", "http://127.0.0.1:" + gateway.httpPort(), "Sec-Fetch-Site", "same-origin"),
                "fm-dana", password);

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(finalStatus(commandId(ownPage))).isEqualTo("ok");
        assertThat(probe.received()).noneSatisfy(m -> assertThat(m.payload()).contains("LOGGED_OUT"));
        assertThat(http.json("/api/seats/s-008").path("state").asText()).isEqualTo("READY");
    }

    @Test
    void linkRepairsAreForTheSeatsOwnTeamAndAtMostOneEvery10Seconds() throws Exception {
        String replay = "{\"cmd\":\"replay\",\"from\":1}";

        var otherTeam = http.post("/api/seats/s-008/commands", replay, "tl-ben", otherLeaderPassword);
        var ownTeam = http.post("/api/seats/s-008/commands", replay, "tl-anna", leaderPassword);
        var again = http.post("/api/seats/s-008/commands", "{\"cmd\":\"rebirth\"}", "fm-dana", password);

        assertThat(otherTeam.statusCode()).isEqualTo(403);
        commandId(ownTeam);
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).hasValue("10");
    }

    @Test
    void aRefusalFromTheSeatIsReported() throws Exception {
        var response = http.post("/api/seats/s-008/commands", "{\"cmd\":\"set-state\",\"state\":\"BUSY\"}", "fm-dana",
                password);

        String id = commandId(response);
        assertThat(finalStatus(id)).isEqualTo("refused");
        assertThat(http.json("/api/commands/" + id).path("error").asText()).contains("cannot be set");
    }

    @Test
    void aTeamLeaderActsOnTheirOwnTeamOnlyAndEveryStepIsAudited() throws Exception {
        String forced = commandId(http.post("/api/seats/s-008/commands",
                "{\"cmd\":\"set-state\",\"state\":\"NOT_READY\",\"reason\":\"supervisor\"}", "tl-anna", leaderPassword));
        var denied = http.post("/api/seats/s-008/commands", "{\"cmd\":\"message\",\"text\":\"hi\"}", "tl-ben",
                otherLeaderPassword);

        assertThat(finalStatus(forced)).isEqualTo("ok");
        assertThat(http.json("/api/seats/s-008").path("reason").asText()).isEqualTo("supervisor");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("tl-ben (Team leader) may not send seats commands").contains("[s-008]");
        await().atMost(PATIENCE).until(() -> http.json("/api/audit", "fm-dana", password).size() == 3);
        var audit = http.json("/api/audit", "fm-dana", password);
        assertThat(audit.get(0).path("user").asText()).isEqualTo("tl-anna");
        assertThat(audit.get(0).path("outcome").asText()).isEqualTo("sent");
        assertThat(audit.get(0).path("detail").asText()).isEqualTo("NOT_READY supervisor");
        assertThat(audit.findValuesAsText("outcome")).containsExactlyInAnyOrder("sent", "denied", "ok");
        // filtered by outcome, and read a page at a time: nothing is cut off
        var ok = http.json("/api/audit?outcome=ok", "fm-dana", password);
        assertThat(ok.findValuesAsText("outcome")).containsExactly("ok");
        var first = http.json("/api/audit?limit=2", "fm-dana", password);
        var rest = http.json("/api/audit?limit=2&after=" + first.get(1).path("id").asLong(), "fm-dana", password);
        assertThat(first.size() + rest.size()).isEqualTo(3);
        assertThat(rest.get(0).path("id").asLong()).isGreaterThan(first.get(1).path("id").asLong());
        assertThat(http.get("/api/audit?outcome=maybe", "fm-dana", password).statusCode()).isEqualTo(400);
        // a team leader reads only their own teams' lines
        assertThat(http.json("/api/audit", "tl-ben", otherLeaderPassword).size()).isZero();
        assertThat(http.json("/api/audit", "tl-anna", leaderPassword).size()).isEqualTo(3); // tl-ben's denial too
        assertThat(http.json("/api/me", "tl-anna", leaderPassword).path("teams").get(0).asText()).isEqualTo("billing-1");
    }

    @Test
    void withoutValidCredentialsNothingIsSent() {
        var anonymous = http.post("/api/seats/s-008/commands", "{\"cmd\":\"ack-help\"}", null, null);
        var wrong = http.post("/api/seats/s-008/commands", "{\"cmd\":\"ack-help\"}", "fm-dana", "guess");
        var unknown = http.post("/api/seats/s-008/commands", "{\"cmd\":\"ack-help\"}", "nobody", password);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(supervisorsCommands()).isEmpty();
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        assertThat(http.post("/api/seats/s-008/commands", "not json", "fm-dana", password).statusCode()).isEqualTo(400);
        assertThat(http.post("/api/seats/s-008/commands", "{\"cmd\":\"reboot\"}", "fm-dana", password).body())
                .contains("cmd must be");
        assertThat(http.post("/api/seats/s-008/commands", "{\"cmd\":\"set-state\",\"state\":\"NOT_READY\"}", "fm-dana",
                password).body()).contains("needs a reason");
        assertThat(http.post("/api/seats/s-999/commands", "{\"cmd\":\"ack-help\"}", "fm-dana", password).statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/commands/nope").statusCode()).isEqualTo(404);
        assertThat(http.post("/api/seats/s-008/commands", "{\"cmd\":\"replay\",\"from\":5,\"to\":4}", "fm-dana",
                password).body()).contains("to must not be below from");
        assertThat(http.post("/api/seats/s-008/commands", "{\"cmd\":\"replay\",\"from\":5,\"to\":\"six\"}",
                "fm-dana", password).body()).contains("to must be a whole number");
        assertThat(supervisorsCommands()).isEmpty();
    }

    @Test
    void aReplayMayNameItsLastSeq() throws Exception {
        commandId(http.post("/api/seats/s-008/commands", "{\"cmd\":\"replay\",\"from\":5,\"to\":9}", "fm-dana",
                password));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(probe.received())
                .anySatisfy(m -> assertThat(m.payload()).contains("\"from\":5,\"to\":9")));
    }
}
