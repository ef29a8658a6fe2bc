package dev.seatlink.gateway;

import dev.seatlink.gateway.testing.TestCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team leader's shift, end to end through the embedded broker: the site config edited live (and a
 * broken edit refused), alerts on the stream, the retained summary, yesterday's time in state exported,
 * and the shift's figures surviving a gateway restart.
 */
class FloorOperationsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String SITE = """
            {"site":"hq","floor":"f1","timeZone":"UTC","shifts":["00:00"],
             "thresholds":{"helpWaitSeconds":1},
             "managers":["fm"],
             "teams":[{"id":"billing-1","name":"Billing 1","leader":"tl-anna","minReady":1},
                      {"id":"vip-care","name":"%s","leader":"tl-ben","customerTier":"vip"}],
             "seats":[{"seat":"s-001","team":"billing-1","agent":"a1001","x":0,"y":0},
                      {"seat":"s-002","team":"billing-1","agent":"a1002","x":1,"y":0},
                      {"seat":"s-009","team":"vip-care","agent":"a1009","x":3,"y":0}%s]}""";

    @TempDir
    Path dir;

    private Path siteFile;
    private GatewayConfig config;
    private Gateway gateway;
    private MqttProbe seat;
    private Http http;
    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, Long> seqs = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        siteFile = dir.resolve("site.json");
        Files.writeString(siteFile, SITE.formatted("VIP Care", ""));
        CredentialFiles secrets = new CredentialFiles(dir.resolve("secrets"), TestCredentials.BCRYPT_COST);
        for (String user : new String[] {"tl-anna", "tl-ben"}) {
            secrets.supervisor(user);
            passwords.put(user, Files.readAllLines(dir.resolve("secrets/supervisors/" + user + ".credentials")).get(1)
                    .substring(9));
        }
        config = GatewayConfig.defaults().with(0, null, 0, dir.resolve("gateway")).withSiteFile(siteFile)
                .withUsers(dir.resolve("secrets/supervisors.passwd"));
        startGateway();
    }

    private void startGateway() throws Exception {
        gateway = Gateway.start(config);
        http = new Http(gateway.httpPort());
        seat = new MqttProbe(gateway.brokerUrl(), "seatlink/v1/hq/f1/+/config", "seatlink/v1/hq/f1/summary");
        // The gateway publishes the seats' configs once its subscriptions are in place; events published
        // before that would reach no subscriber on this fresh broker.
        await().atMost(PATIENCE).until(() -> seat.received().stream().anyMatch(m -> m.topic().endsWith("/config")));
    }

    private void stopGateway() throws Exception {
        seat.close();
        gateway.close();
    }

    @AfterEach
    void stop() throws Exception {
        stopGateway();
    }

    private void online(String seatId) throws Exception {
        seat.publish(Topic.seat("hq", "f1", seatId, Topic.Kind.STATUS),
                SeatStatus.online("b-" + seatId, "test", System.currentTimeMillis()));
    }

    private void move(String seatId, String agent, AgentState from, AgentState to, String reason, boolean help, long at)
            throws Exception {
        seat.publish(Topic.seat("hq", "f1", seatId, Topic.Kind.EVENT), new SeatEvent(seatId, agent, from, to, reason,
                help, at, seqs.merge(seatId, 1L, Long::sum), "b-" + seatId, Cause.BUTTON));
    }

    private JsonNode json(String path, String user) {
        return http.json(path, user, passwords.get(user));
    }

    @Test
    void historyAndAgentsFiguresNeedTheTeamsLeaderWhileTheLiveFloorStaysOpenToTheFloorNetwork() throws Exception {
        online("s-001");
        move("s-001", "a1001", AgentState.LOGGED_OUT, AgentState.READY, null, false, System.currentTimeMillis());
        await().atMost(PATIENCE).until(() -> "READY".equals(http.json("/api/seats/s-001").path("state").asText()));

        for (String path : new String[] {"/api/seats/s-001/events", "/api/teams/billing-1"}) {
            assertThat(http.get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(http.get(path, "tl-ben", passwords.get("tl-ben")).statusCode()).as(path).isEqualTo(403);
            assertThat(http.get(path, "tl-anna", "wrong").statusCode()).as(path).isEqualTo(401);
            var answer = http.get(path, "tl-anna", passwords.get("tl-anna"));
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        assertThat(json("/api/seats/s-001/events", "tl-anna")).hasSize(1);
        assertThat(json("/api/teams/billing-1", "tl-anna").path("agents").get(0).path("agent").asText()).isEqualTo("a1001");
        for (String open : new String[] {"/api/floor", "/api/seats/s-001", "/api/alerts", "/health"}) {
            assertThat(http.get(open).statusCode()).as(open).isEqualTo(200);
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhileEvenForTheRightOne() {
        for (int i = 0; i < 10; i++) {
            assertThat(http.get("/api/me", "tl-ben", "guess-" + i).statusCode()).isEqualTo(401);
        }

        var locked = http.get("/api/me", "tl-ben", passwords.get("tl-ben"));

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(http.get("/api/me", "tl-anna", passwords.get("tl-anna")).statusCode()).isEqualTo(429); // same address
    }

    @Test
    void anEditedSiteConfigAppliesLiveAndABrokenEditIsRefused() throws Exception {
        online("s-001");
        move("s-001", "a1001", AgentState.LOGGED_OUT, AgentState.READY, null, false, System.currentTimeMillis());
        await().atMost(PATIENCE).until(() -> "READY".equals(http.json("/api/seats/s-001").path("state").asText()));

        Files.writeString(siteFile, SITE.formatted("VIP Care East",
                ",{\"seat\":\"s-010\",\"team\":\"vip-care\",\"agent\":\"a1010\",\"x\":4,\"y\":0}"));

        await().atMost(PATIENCE).until(() -> http.json("/api/floor").path("seats").size() == 4);
        assertThat(http.json("/api/floor").path("teams").get(1).path("name").asText()).isEqualTo("VIP Care East");
        assertThat(http.json("/api/seats/s-001").path("state").asText()).isEqualTo("READY"); // live state kept
        await().atMost(PATIENCE).until(() -> seat.received().stream()
                .anyMatch(m -> m.topic().endsWith("/s-010/config") && m.payload().contains("\"team\":\"vip-care\"")));

        Files.writeString(siteFile, SITE.formatted("VIP Care", ",{\"seat\":\"s-011\",\"team\":\"nope\",\"x\":5,\"y\":0}"));

        await().atMost(PATIENCE).until(() -> !http.json("/health").path("siteConfig").asText().equals("OK"));
        assertThat(http.json("/health").path("siteConfig").asText())
                .contains("line 8: seats[3].team 'nope' is not one of the teams");
        assertThat(http.json("/api/floor").path("siteProblem").asText()).contains("seats[3].team");
        assertThat(http.json("/api/floor").path("seats").size()).isEqualTo(4); // the previous config still runs
    }

    @Test
    void alertsAreRaisedAndClearedOnTheStreamAndTheSummaryIsRetained() throws Exception {
        var stream = http.stream("/api/stream");
        online("s-001");
        long now = System.currentTimeMillis();
        move("s-001", "a1001", AgentState.LOGGED_OUT, AgentState.READY, null, true, now);

        await().atMost(PATIENCE).until(() -> stream.stream().anyMatch(l -> l.contains("\"change\":\"raised\"")
                && l.contains("help-waiting:s-001")));
        move("s-001", "a1001", AgentState.READY, AgentState.READY, null, false, now + 2_000);
        await().atMost(PATIENCE).until(() -> stream.stream().anyMatch(l -> l.contains("\"change\":\"cleared\"")
                && l.contains("help-waiting:s-001")));
        await().atMost(PATIENCE).until(() -> seat.received().stream()
                .anyMatch(m -> m.topic().endsWith("/summary") && m.payload().contains("\"online\":1")
                        && m.payload().contains("\"occupancy\"")));
    }

    @Test
    void yesterdaysTimeInStateExportsPerTeamAsCsvAndPerAgentAsJson() throws Exception {
        long yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        online("s-001");
        move("s-001", "a1001", AgentState.LOGGED_OUT, AgentState.READY, null, false, yesterday);
        move("s-001", "a1001", AgentState.READY, AgentState.BUSY, null, false, yesterday + 600_000);
        move("s-001", "a1001", AgentState.BUSY, AgentState.WRAP_UP, null, false, yesterday + 900_000);
        move("s-001", "a1001", AgentState.WRAP_UP, AgentState.LOGGED_OUT, null, false, yesterday + 960_000);
        await().atMost(PATIENCE).until(() -> json("/api/seats/s-001/events", "tl-anna").size() == 4);
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        var csv = http.get("/api/reports/time-in-state?from=" + day + "&to=" + today + "&group=team&format=csv",
                "tl-anna", passwords.get("tl-anna"));
        JsonNode daily = json("/api/reports/daily?date=" + day, "tl-anna");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("hq-f1-time-in-state-by-team.csv");
        assertThat(csv.body().lines()).hasSize(2);
        // ready 600 s, busy 300 s, wrap-up 60 s, one contact, occupancy 360 / 960
        assertThat(csv.body().lines().skip(1).findFirst().orElseThrow())
                .startsWith("billing-1,Billing 1,billing-1,").contains(",600,0,300,60,1,360,60,0,0,0,0.375");
        assertThat(daily.path("rows").get(0).path("key").asText()).isEqualTo("a1001");
        assertThat(daily.path("rows").get(0).path("contacts").asInt()).isEqualTo(1);
        assertThat(daily.path("rows").get(0).path("averageWrapUpMs").asLong()).isEqualTo(60_000);
        // another team's leader sees none of it; nobody signed in sees nothing at all
        assertThat(json("/api/reports/daily?date=" + day, "tl-ben").path("rows").size()).isZero();
        assertThat(http.get("/api/reports/daily?date=" + day).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/reports/time-in-state?from=tomorrow", "tl-anna", passwords.get("tl-anna")).body())
                .contains("is not a date");
    }

    @Test
    void theShiftsFiguresSurviveAGatewayRestart() throws Exception {
        long now = System.currentTimeMillis();
        online("s-002");
        move("s-002", "a1002", AgentState.LOGGED_OUT, AgentState.READY, null, false, now - 120_000);
        move("s-002", "a1002", AgentState.READY, AgentState.BUSY, null, false, now - 60_000);
        await().atMost(PATIENCE).until(() -> json("/api/teams/billing-1", "tl-anna").path("agents").size() == 1);

        stopGateway();
        startGateway();

        JsonNode agents = json("/api/teams/billing-1", "tl-anna").path("agents");
        assertThat(agents).hasSize(1);
        assertThat(agents.get(0).path("contacts").asInt()).isEqualTo(1);
        assertThat(agents.get(0).path("msInState").path("READY").asLong()).isEqualTo(60_000);
        assertThat(json("/api/teams/nope", "tl-anna").path("error").asText()).contains("unknown team");
    }

    @Test
    void metricsSayHowLongEachRouteHeldTheEventLoop() {
        json("/api/teams/billing-1", "tl-anna");
        http.get("/api/floor");

        String metrics = http.get("/metrics").body();

        assertThat(metrics).contains("seatlink_http_loop_seconds_count{route=\"/api/teams/:team\"} 1")
                .contains("seatlink_http_loop_seconds_count{route=\"/api/floor\"} 1")
                .containsPattern("seatlink_http_loop_max_seconds\\{route=\"/api/teams/:team\"\\} [0-9.E-]+\n");
    }
}
