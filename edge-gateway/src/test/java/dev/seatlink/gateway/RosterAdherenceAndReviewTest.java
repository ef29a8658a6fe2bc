package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.roster.RosterCommand;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A roster on the demo floor (Europe/London): imported with the command (all or nothing), its staffing on the
 * team view and the wallboard's teams, a late sign-in alerted, and the agent's adherence in the team leader's
 * monthly review (JSON, CSV and the printable page).
 */
class RosterAdherenceAndReviewTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;

    private Gateway gateway;
    private MqttProbe seats;

    @AfterEach
    void stop() throws Exception {
        if (seats != null) {
            seats.close();
        }
        gateway.close();
    }

    private int importRoster(String csv, DemoManager manager) throws Exception {
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, csv);
        return new CommandLine(new RosterCommand()).execute("import", file.toString(), "--gateway",
                "http://127.0.0.1:" + gateway.httpPort(), "--credentials",
                manager.usersFile().getParent().resolve("supervisors/" + DemoManager.NAME + ".credentials").toString());
    }

    @Test
    void aRosterDayThatIsNoDateOrBeyondTheReportYearsIsRefusedWithA400() throws Exception {
        DemoManager manager = DemoManager.in(dir);
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw"))
                .withUsers(manager.usersFile()));
        Http http = manager.http(gateway.httpPort());

        for (String day : new String[] {"+999999999-12-31", "-999999999-01-01", "1999-12-31", "2026-02-30", "today"}) {
            var refused = http.get("/api/roster?date=" + java.net.URLEncoder.encode(day, StandardCharsets.UTF_8));
            assertThat(refused.statusCode()).as(day + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(day).contains("date must be");
        }
        assertThat(http.get("/api/roster?date=2200-12-31").statusCode()).isEqualTo(200);
    }

    @Test
    void aRosterIsImportedFollowedAlertedAndReviewed() throws Exception {
        DemoManager manager = DemoManager.in(dir);
        String anna = DemoManager.account(manager.usersFile().getParent(), "tl-anna");
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw"))
                .withUsers(manager.usersFile()));
        Http http = manager.http(gateway.httpPort());
        Http leader = new Http(gateway.httpPort(), "tl-anna", anna);
        for (String agent : new String[] {"a1001", "a1002"}) {
            assertThat(http.put("/api/agents/" + agent, new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(Map.of("name", "Agent " + agent, "team", "billing-1", "skill", "regular")))
                    .statusCode()).isEqualTo(200);
        }
        ZonedDateTime now = ZonedDateTime.now(LONDON);
        ZonedDateTime start = now.minusMinutes(30).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String shift = start.toLocalDate() + "," + start.format(hhmm) + "," + start.plusHours(8).format(hhmm);

        assertThat(importRoster("agent,date,start,end\na1001," + shift + "\nnobody," + shift + "\n", manager))
                .as("an agent not in the directory: nothing imported").isEqualTo(1);
        assertThat(http.json("/api/roster")).isEmpty();
        assertThat(importRoster("agent,date,start,end\na1001," + shift + "\na1002," + shift + "\n", manager)).isZero();
        assertThat(http.json("/api/roster").findValuesAsText("agent")).containsExactlyInAnyOrder("a1001", "a1002");

        // a1001 signs in at s-001 twenty minutes late; a1002 never does
        seats = MqttProbe.seatsOf(gateway);
        long signedIn = start.plusMinutes(20).toInstant().toEpochMilli();
        seats.publish(Topic.seat("hq", "f1", "s-001", Topic.Kind.STATUS), SeatStatus.online("b1", "t", signedIn));
        seats.publish(Topic.seat("hq", "f1", "s-001", Topic.Kind.EVENT), new SeatEvent("s-001", "a1001",
                AgentState.LOGGED_OUT, AgentState.READY, null, false, signedIn, 1, "b1", Cause.BUTTON));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.json("/api/alerts").path("active")
                .findValuesAsText("id")).contains("late-sign-in:a1002").doesNotContain("late-sign-in:a1001"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.json("/api/floor").path("teams").get(0)
                .path("scheduledNow").asInt()).isEqualTo(2));
        JsonNode team = leader.json("/api/teams/billing-1");
        JsonNode latest = team.path("staffing").get(team.path("staffing").size() - 1);
        assertThat(latest.path("scheduled").asInt()).isEqualTo(2);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode staffing = leader.json("/api/teams/billing-1").path("staffing");
            assertThat(staffing.get(staffing.size() - 1).path("ready").asInt()).isEqualTo(1);
        });

        String month = now.format(DateTimeFormatter.ofPattern("yyyy-MM"));
        String review = "/api/reports/monthly-review?team=billing-1&month=" + month;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(leader.json(review).path("agents")
                .findValuesAsText("key")).contains("a1001"));
        JsonNode a1001 = null;
        for (JsonNode agent : leader.json(review).path("agents")) {
            if (agent.path("figures").path("key").asText().equals("a1001")) {
                a1001 = agent;
            }
        }
        assertThat(a1001).isNotNull();
        // scheduled so far (this month): about 30 minutes; signed in for the last 10 of them
        long monthStart = now.withDayOfMonth(1).toLocalDate().atStartOfDay(LONDON).toInstant().toEpochMilli();
        long asked = System.currentTimeMillis();
        long scheduled = asked - Math.max(start.toInstant().toEpochMilli(), monthStart);
        long adhered = asked - Math.max(signedIn, monthStart);
        assertThat(a1001.path("scheduledMs").asLong()).isBetween(scheduled - 60_000, scheduled + 1_000);
        assertThat(a1001.path("adherence").asDouble() * scheduled).isBetween(adhered - 60_000.0, adhered + 60_000.0);
        assertThat(leader.get(review + "&format=csv").body()).startsWith("agent,name,ready_s")
                .contains("a1001,Agent a1001,").contains("billing-1,Billing 1,");
        assertThat(leader.get(review + "&format=html").body()).contains("Monthly review " + month)
                .contains("Agent a1001");
        assertThat(leader.get("/api/reports/monthly-review?team=vip-care&month=" + month).statusCode()).isEqualTo(403);
    }
}
