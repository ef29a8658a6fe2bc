package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duty manager moves people during a shift on the demo floor: a seat for the shift, an agent (the seat they
 * are signed in at) for good. Team figures, help routing and who may act follow at once; each move is audited,
 * outlives a restart, and is undone.
 */
class MovesDuringAShiftTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

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

    private void signIn(String seat, String agent, boolean help, long seq) throws Exception {
        long now = System.currentTimeMillis();
        if (seq == 1) {
            seats.publish(Topic.seat("hq", "f1", seat, Topic.Kind.STATUS), SeatStatus.online("b-" + seat, "t", now));
        }
        seats.publish(Topic.seat("hq", "f1", seat, Topic.Kind.EVENT), new SeatEvent(seat, agent,
                seq == 1 ? AgentState.LOGGED_OUT : AgentState.READY, AgentState.READY, null, help, now, seq, "b-" + seat,
                Cause.BUTTON));
    }

    @Test
    void aMoveChangesTeamFiguresHelpRoutingAndWhoMayActAtOnceAndOutlivesARestart() throws Exception {
        Path secrets = dir.resolve("secrets");
        String dm = DemoManager.account(secrets, "dm-eve");
        String anna = DemoManager.account(secrets, "tl-anna"); // billing-1 (s-001..s-008)
        String ben = DemoManager.account(secrets, "tl-ben"); // vip-care (s-009..)
        GatewayConfig config = GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw"))
                .withUsers(secrets.resolve("supervisors.passwd"));
        gateway = Gateway.start(config);
        Http http = new Http(gateway.httpPort());
        seats = MqttProbe.seatsOf(gateway);
        signIn("s-001", "a1001", false, 1);
        signIn("s-002", "a1002", false, 1);
        await().atMost(PATIENCE).until(() -> "READY".equals(http.json("/api/seats/s-002").path("state").asText()));

        var byLeader = http.post("/api/moves", "{\"seat\":\"s-001\",\"team\":\"vip-care\"}", "tl-anna", anna);
        assertThat(byLeader.statusCode()).as("a team leader may not move people").isEqualTo(403);
        var moved = http.post("/api/moves", "{\"seat\":\"s-001\",\"team\":\"vip-care\",\"for\":\"shift\"}", "dm-eve",
                dm);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        var agentMoved = http.post("/api/moves", "{\"agent\":\"a1002\",\"team\":\"vip-care\",\"for\":\"good\"}",
                "dm-eve", dm);
        assertThat(agentMoved.statusCode()).as(agentMoved.body()).isEqualTo(200);
        assertThat(agentMoved.body()).contains("\"seat\":\"s-002\"").contains("\"until\":0");
        assertThat(http.post("/api/moves", "{\"agent\":\"a1003\",\"team\":\"vip-care\"}", "dm-eve", dm).statusCode())
                .as("a1003 is not signed in anywhere").isEqualTo(409);

        assertThat(http.json("/api/seats/s-001").path("team").asText()).isEqualTo("vip-care");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.json("/api/teams/vip-care", "tl-ben", ben)
                .path("seats").findValuesAsText("seat")).contains("s-001", "s-002"));
        JsonNode billing = http.json("/api/teams/billing-1", "dm-eve", dm);
        assertThat(billing.path("seats").findValuesAsText("seat")).doesNotContain("s-001", "s-002");

        signIn("s-001", "a1001", true, 2); // a raised hand goes to the team the seat is in now
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.json("/api/floor").path("kpis").path("helpQueue")
                .findValuesAsText("routedTo")).containsExactly("vip-care"));
        String message = "{\"cmd\":\"message\",\"text\":\"hi\"}";
        assertThat(http.post("/api/seats/s-001/commands", message, "tl-ben", ben).statusCode()).isEqualTo(202);
        assertThat(http.post("/api/seats/s-001/commands", message, "tl-anna", anna).statusCode()).isEqualTo(403);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.json("/api/audit", "dm-eve", dm).toString())
                .contains("billing-1 -> vip-care for the rest of the shift")
                .contains("agent a1002: billing-1 -> vip-care for good"));

        gateway.close();
        gateway = Gateway.start(config);
        Http again = new Http(gateway.httpPort());
        assertThat(again.json("/api/seats/s-001").path("team").asText()).as("kept over a restart").isEqualTo("vip-care");
        assertThat(again.json("/api/moves", "tl-ben", ben).path("moves").findValuesAsText("seat"))
                .containsExactlyInAnyOrder("s-001", "s-002");

        assertThat(again.delete("/api/moves/s-001", "dm-eve", dm).statusCode()).isEqualTo(200);
        assertThat(again.json("/api/seats/s-001").path("team").asText()).isEqualTo("billing-1");
        assertThat(again.delete("/api/moves/s-001", "dm-eve", dm).statusCode()).isEqualTo(404);
    }
}
