package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duty manager's shift on the demo floor over HTTP: log lines written (by whom may), read back and in the
 * handover report so far (JSON and the printable page); the last shift's report made and kept by the gateway,
 * acknowledged once by the next duty manager.
 */
class DutyLogAndHandoverTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Gateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void theDutyManagerLogsTheShiftReadsItInTheHandoverAndTheNextOneAcknowledgesTheLastShifts() throws Exception {
        Path secrets = dir.resolve("secrets");
        String dm = DemoManager.account(secrets, "dm-eve");
        String anna = DemoManager.account(secrets, "tl-anna");
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw"))
                .withUsers(secrets.resolve("supervisors.passwd")));
        Http http = new Http(gateway.httpPort());

        var written = http.post("/api/duty-log", "{\"kind\":\"incident\",\"text\":\"row 3 headsets <dead>\",\"open\":true}",
                "dm-eve", dm);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        assertThat(http.post("/api/duty-log", "{\"kind\":\"note\",\"text\":\"hi\"}", "tl-anna", anna).statusCode())
                .as("a team leader keeps no duty log").isEqualTo(403);
        assertThat(http.post("/api/duty-log", "{\"kind\":\"gossip\",\"text\":\"hi\"}", "dm-eve", dm).body())
                .contains("kind: must be one of");
        assertThat(http.json("/api/duty-log", "dm-eve", dm).findValuesAsText("text"))
                .containsExactly("row 3 headsets <dead>");

        JsonNode soFar = http.json("/api/handover?shift=current", "dm-eve", dm);
        assertThat(soFar.path("complete").asBoolean()).isFalse();
        assertThat(soFar.path("log").findValuesAsText("text")).containsExactly("row 3 headsets <dead>");
        assertThat(soFar.path("open").path("log").findValuesAsText("text")).containsExactly("row 3 headsets <dead>");
        assertThat(soFar.path("staffing")).hasSize(4);
        var page = http.get("/api/handover?shift=current&format=html", "dm-eve", dm);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("row 3 headsets &lt;dead&gt;").contains("Open items for the next shift");
        assertThat(http.get("/api/handover?shift=current", "tl-anna", anna).statusCode()).isEqualTo(403);

        // the gateway makes the last shift's report when it finds it missing (here: at its first start)
        await().atMost(PATIENCE).until(() -> http.get("/api/handover?shift=previous", "dm-eve", dm).statusCode() == 200);
        JsonNode previous = http.json("/api/handover?shift=previous", "dm-eve", dm);
        assertThat(previous.path("complete").asBoolean()).isTrue();
        assertThat(previous.path("acknowledgedBy").isNull()).isTrue();
        String ack = "{\"shift\":" + previous.path("shiftStart").asLong() + "}";
        assertThat(http.post("/api/handover/ack", ack, "dm-eve", dm).statusCode()).isEqualTo(200);
        var again = http.post("/api/handover/ack", ack, "dm-eve", dm);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already acknowledged by dm-eve");
        assertThat(http.json("/api/handover?shift=previous", "dm-eve", dm).path("acknowledgedBy").asText())
                .isEqualTo("dm-eve");
    }
}
