package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands on {@code …/{seat}/cmd} are carried out by a real terminal and answered on {@code cmd-result}. */
class SupervisorCommandsReachTheSeatTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Topic CMD = Topic.seat("hq", "f1", "s-003", Topic.Kind.CMD);

    @TempDir
    Path dir;

    private Gateway gateway;
    private TerminalAgent agent;
    private SimulatedHardware seat;
    private MqttProbe probe;
    private Http http;

    @BeforeEach
    void startFloorWithOneSeat() throws Exception {
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gateway")));
        http = new Http(gateway.httpPort());
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-003");
        props.setProperty("broker", gateway.brokerUrl());
        props.setProperty("dataDir", dir.resolve("s-003").toString());
        seat = new SimulatedHardware();
        agent = seat.newAgent(TerminalConfig.from(props, "test"), Clock.system(), Display.NONE);
        agent.start();
        probe = new MqttProbe(gateway.brokerUrl(), "seatlink/v1/hq/f1/s-003/cmd-result", "seatlink/v1/hq/f1/s-003/status");
        await().atMost(PATIENCE).until(() -> http.json("/api/seats/s-003").path("online").asBoolean());
        seat.press(Key.READY);
        await().atMost(PATIENCE).until(() -> "READY".equals(http.json("/api/seats/s-003").path("state").asText()));
    }

    @AfterEach
    void stop() throws Exception {
        probe.close();
        agent.close();
        gateway.close();
    }

    private String resultFor(String id) {
        java.util.function.Predicate<MqttProbe.Received> result = m -> m.topic().endsWith("/cmd-result")
                && m.payload().contains("\"" + id + "\"");
        await().atMost(PATIENCE).until(() -> probe.received().stream().anyMatch(result));
        return probe.received().stream().filter(result).findFirst().orElseThrow().payload();
    }

    private long now() {
        return System.currentTimeMillis();
    }

    @Test
    void setStateMovesTheSeatAndIsAnsweredOk() throws Exception {
        probe.publish(CMD, new Command.SetState("c-1", AgentState.NOT_READY, "coaching", "sup-7", now()));

        assertThat(resultFor("c-1")).isEqualTo("{\"v\":1,\"id\":\"c-1\",\"ok\":true}");
        await().atMost(PATIENCE).untilAsserted(() -> {
            var view = http.json("/api/seats/s-003");
            assertThat(view.path("state").asText()).isEqualTo("NOT_READY");
            assertThat(view.path("reason").asText()).isEqualTo("coaching");
        });
    }

    @Test
    void aCommandTheSeatCannotFollowIsAnsweredWithTheReason() throws Exception {
        probe.publish(CMD, new Command.SetState("c-2", AgentState.NOT_READY, "nap", "sup-7", now()));

        assertThat(resultFor("c-2")).contains("\"ok\":false").contains("'nap' is not configured");
        assertThat(agent.snapshot().state()).isEqualTo(AgentState.READY);
    }

    @Test
    void ackHelpLowersTheRaisedHand() throws Exception {
        seat.press(Key.HELP);
        await().atMost(PATIENCE).until(() -> http.json("/api/seats/s-003").path("help").asBoolean());

        probe.publish(CMD, new Command.AckHelp("c-3", "sup-7", now()));

        assertThat(resultFor("c-3")).contains("\"ok\":true");
        await().atMost(PATIENCE).until(() -> !http.json("/api/seats/s-003").path("help").asBoolean());
    }

    @Test
    void aMessageIsAccepted() throws Exception {
        probe.publish(CMD, new Command.ShowMessage("c-4", "Team huddle at 10:30", "sup-7", now()));

        assertThat(resultFor("c-4")).contains("\"ok\":true");
    }

    @Test
    void rebirthRepublishesTheSeatsStatusNamingTheCommand() throws Exception {
        probe.publish(CMD, new Command.Rebirth("c-5", now()));

        assertThat(resultFor("c-5")).contains("\"ok\":true");
        await().atMost(PATIENCE).until(() -> probe.received().stream()
                .anyMatch(m -> m.topic().endsWith("/status") && m.payload().contains("\"rebirth\":\"c-5\"")));
    }
}
