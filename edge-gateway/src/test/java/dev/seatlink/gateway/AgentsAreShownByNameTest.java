package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.gateway.agents.AgentsCommand;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The agent directory end to end: imported from CSV with the command (all or nothing), edited over the API by a
 * floor manager only (denials audited), shown by name on the seats, and kept over a gateway restart.
 */
class AgentsAreShownByNameTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private Gateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void anImportedDirectoryNamesTheSeatsAManagerEditsItALeaderMayNotAndItOutlivesARestart() throws Exception {
        DemoManager manager = DemoManager.in(dir);
        String leaderPassword = DemoManager.account(manager.usersFile().getParent(), "tl-anna");
        GatewayConfig config = GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw"))
                .withUsers(manager.usersFile());
        gateway = Gateway.start(config);
        Http http = manager.http(gateway.httpPort());
        Path csv = dir.resolve("agents.csv");
        Files.writeString(csv, "id,name,team,skill,badge\na1001,\"Berg, Anna\",billing-1,regular,B0001\n"
                + "a1002,Ben Ode,billing-1,expert,B0002\n");

        int exit = new CommandLine(new AgentsCommand()).execute("import", csv.toString(), "--gateway",
                "http://127.0.0.1:" + gateway.httpPort(), "--credentials",
                manager.usersFile().getParent().resolve("supervisors/" + DemoManager.NAME + ".credentials").toString());

        assertThat(exit).isZero();
        assertThat(http.json("/api/seats/s-001").path("agentName").asText()).isEqualTo("Berg, Anna");
        assertThat(http.json("/api/agents").findValues("id")).hasSize(2);

        Files.writeString(csv, "id,name,team,skill\na1001,Anna,billing-9,regular\n");
        int refused = new CommandLine(new AgentsCommand()).execute("import", csv.toString(), "--gateway",
                "http://127.0.0.1:" + gateway.httpPort(), "--credentials",
                manager.usersFile().getParent().resolve("supervisors/" + DemoManager.NAME + ".credentials").toString());
        assertThat(refused).isEqualTo(1);
        assertThat(http.json("/api/seats/s-001").path("agentName").asText()).as("nothing changed").isEqualTo("Berg, Anna");

        String edit = new ObjectMapper().writeValueAsString(Map.of("name", "Anna Berg", "team", "billing-1",
                "skill", "expert"));
        assertThat(http.put("/api/agents/a1001", edit).statusCode()).isEqualTo(200);
        assertThat(http.json("/api/seats/s-001").path("agentName").asText()).isEqualTo("Anna Berg");
        HttpResponse<String> byLeader = new Http(gateway.httpPort(), "tl-anna", leaderPassword)
                .put("/api/agents/a1002", edit);
        assertThat(byLeader.statusCode()).isEqualTo(403);
        // the audit is written in the background: the refusal is there once it is written
        await().atMost(PATIENCE).until(() -> http.json("/api/audit").toString().contains("\"outcome\":\"denied\""));
        assertThat(http.json("/api/audit").toString()).contains("\"action\":\"edit-agent\"")
                .contains("\"action\":\"import-agents\"");
        assertThat(new Http(gateway.httpPort(), "tl-anna", leaderPassword).json("/api/agents").findValues("id"))
                .as("a leader reads the agents of their teams").hasSize(2);

        gateway.close();
        gateway = Gateway.start(config);
        Http again = manager.http(gateway.httpPort());
        await().atMost(PATIENCE).until(() -> "Anna Berg".equals(again.json("/api/seats/s-001").path("agentName")
                .asText()));
    }
}
