package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot-desking on the demo floor: Eve Adams (a1005, home team billing-1, badge DEADBEEF) badges in on the MFRC522 of
 * seat s-001, then on that of s-009 (another team's seat): each terminal reads the card through the chip's register
 * protocol on Pi4J's mock SPI, the gateway signs her in there, signs her out of the first, and the wallboard names
 * her at the seat she sits at.
 */
class BadgeSignInTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private Gateway gateway;
    private final List<TerminalAgent> terminals = new ArrayList<>();

    @AfterEach
    void stop() {
        terminals.forEach(TerminalAgent::close);
        gateway.close();
    }

    private SimulatedHardware seat(String id) {
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", id);
        props.setProperty("broker", gateway.brokerUrl());
        props.setProperty("dataDir", dir.resolve(id).toString());
        SimulatedHardware hardware = new SimulatedHardware();
        TerminalAgent agent = hardware.newAgent(TerminalConfig.from(props, "test"), Clock.system(), Display.NONE);
        agent.start();
        terminals.add(agent);
        return hardware;
    }

    @Test
    void aBadgeSignsItsAgentInWhereverTheySitAndOutOfWhereTheyWere() throws Exception {
        DemoManager manager = DemoManager.in(dir);
        Files.createDirectories(dir.resolve("gw"));
        Files.writeString(dir.resolve("gw/agents.json"), "[{\"id\":\"a1005\",\"name\":\"Eve Adams\",\"team\":"
                + "\"billing-1\",\"skill\":\"regular\",\"badge\":\"DEADBEEF\",\"active\":true}]");
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw"))
                .withUsers(manager.usersFile()));
        Http http = new Http(gateway.httpPort());
        SimulatedHardware first = seat("s-001");
        SimulatedHardware second = seat("s-009");
        await().atMost(PATIENCE).until(() -> http.json("/api/seats/s-001").path("online").asBoolean()
                && http.json("/api/seats/s-009").path("online").asBoolean());

        long presented = System.nanoTime();
        first.badge("DEADBEEF");
        await().atMost(PATIENCE).until(() -> "Eve Adams".equals(http.json("/api/seats/s-001").path("agentName")
                .asText()) && "READY".equals(http.json("/api/seats/s-001").path("state").asText()));
        System.out.println("badge to name on the wallboard: " + Duration.ofNanos(System.nanoTime() - presented)
                .toMillis() + " ms");
        assertThat(http.json("/api/seats/s-001").path("agent").asText()).isEqualTo("a1005");

        first.badge(null);
        second.badge("DEADBEEF"); // she moves to a vip-care seat
        await().atMost(PATIENCE).until(() -> "a1005".equals(http.json("/api/seats/s-009").path("agent").asText())
                && "READY".equals(http.json("/api/seats/s-009").path("state").asText()));
        await().atMost(PATIENCE).until(() -> "LOGGED_OUT".equals(http.json("/api/seats/s-001").path("state").asText()));

        // an unknown badge signs nobody in, and says so in the audit trail
        second.badge(null);
        first.badge("0BADC0DE");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(manager.http(gateway.httpPort()).json("/api/audit")
                .toString()).contains("unknown badge"));
        JsonNode s001 = http.json("/api/seats/s-001");
        assertThat(s001.path("state").asText()).isEqualTo("LOGGED_OUT");
    }
}
