package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.display.Screen;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not ready pressed during a call waits for it: the seat's display and the wallboard show it pending, it survives
 * the terminal's restart, and a second press cancels it. A real terminal on mock hardware and a real gateway.
 */
class PendingNotReadyTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String SEAT = "s-005";

    @TempDir
    Path dir;

    private Gateway gateway;
    private TerminalAgent agent;
    private final AtomicReference<Screen> shown = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        gateway.close();
    }

    private SimulatedHardware terminal() {
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", SEAT);
        props.setProperty("broker", gateway.brokerUrl());
        props.setProperty("dataDir", dir.resolve(SEAT).toString());
        SimulatedHardware hardware = new SimulatedHardware();
        agent = hardware.newAgent(TerminalConfig.from(props, "test"), Clock.system(), shown::set);
        agent.start();
        return hardware;
    }

    private JsonNode seat(Http http) {
        return http.json("/api/seats/" + SEAT);
    }

    @Test
    void notReadyDuringACallIsPendingOnTheDisplayAndWallboardSurvivesARestartAndIsCancelledByASecondPress() {
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw")));
        Http http = new Http(gateway.httpPort());
        SimulatedHardware seat = terminal();
        await().atMost(PATIENCE).until(() -> seat(http).path("online").asBoolean());
        seat.press(Key.READY);
        seat.press(Key.BUSY);
        await().atMost(PATIENCE).until(() -> "BUSY".equals(seat(http).path("state").asText()));

        seat.press(Key.NOT_READY);

        await().atMost(PATIENCE).until(() -> "break".equals(seat(http).path("pending").path("reason").asText()));
        assertThat(seat(http).path("state").asText()).as("the call goes on").isEqualTo("BUSY");
        await().atMost(PATIENCE).until(() -> shown.get() != null && "Next: break".equals(shown.get().nextText()));

        agent.close(); // a restart mid-call: the pending state is in the terminal's journal
        await().atMost(PATIENCE).until(() -> !seat(http).path("online").asBoolean());
        SimulatedHardware again = terminal();
        await().atMost(PATIENCE).until(() -> seat(http).path("online").asBoolean()
                && "break".equals(seat(http).path("pending").path("reason").asText()));
        await().atMost(PATIENCE).until(() -> shown.get() != null && "break".equals(shown.get().next()));

        again.press(Key.NOT_READY);

        await().atMost(PATIENCE).until(() -> !seat(http).hasNonNull("pending"));
        assertThat(seat(http).path("state").asText()).isEqualTo("BUSY");
    }
}
