package dev.seatlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command no seat answers ends as a timeout after {@code --command-timeout-seconds}, in its result and the audit. */
class UnansweredCommandTest {
    @TempDir
    Path dir;

    @Test
    void aCommandTheSeatNeverAnswersEndsInATimeoutAfterTheConfiguredTime() throws Exception {
        String password = DemoManager.account(dir.resolve("secrets"), "fm-dana");
        try (Gateway gateway = Gateway.start(GatewayConfig.builder().httpPort(0).mqttPort(0).dataDir(dir.resolve("gw"))
                .usersFile(dir.resolve("secrets/supervisors.passwd")).commandTimeoutS(1).build())) {
            Http http = new Http(gateway.httpPort());
            await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/health").statusCode() == 200); // link up

            // s-001 has no terminal: the command goes out and nothing answers
            var sent = http.post("/api/seats/s-001/commands", "{\"cmd\":\"ack-help\"}", "fm-dana", password);

            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            JsonNode accepted = new ObjectMapper().readTree(sent.body());
            assertThat(accepted.path("status").asText()).isEqualTo("pending");
            String result = "/api/commands/" + accepted.path("id").asText();
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> "timeout".equals(http.json(result).path("status").asText()));
            assertThat(http.json(result).path("error").asText()).isEqualTo("seat s-001 did not answer within 1 s");
            JsonNode audit = http.json("/api/audit?outcome=timeout", "fm-dana", password);
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0).path("seat").asText()).isEqualTo("s-001");
        }
    }
}
