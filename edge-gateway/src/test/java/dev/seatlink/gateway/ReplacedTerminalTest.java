package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.testing.Http;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seat's Pi is swapped (or its data directory lost or unwritable) mid-shift: the new terminal starts with
 * an empty journal at seq 1, below what the floor holds, and must still be seen; a disk that refuses writes
 * shows in the fleet view.
 */
class ReplacedTerminalTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Gateway gateway;
    private TerminalAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private SimulatedHardware terminal(String dataDir) {
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-007");
        props.setProperty("broker", gateway.brokerUrl());
        props.setProperty("dataDir", dir.resolve(dataDir).toString());
        SimulatedHardware seat = new SimulatedHardware();
        agent = seat.newAgent(TerminalConfig.from(props, "test"), Clock.system(), Display.NONE);
        agent.start();
        return seat;
    }

    private JsonNode seat(Http http) {
        return http.json("/api/seats/s-007");
    }

    @Test
    void aTerminalWithAFreshDataDirectoryContinuesAboveTheFloorsSeqAndTheSeatShowsTheTruth() {
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw")));
        Http http = new Http(gateway.httpPort());
        SimulatedHardware old = terminal("pi-1");
        await().atMost(PATIENCE).until(() -> seat(http).path("online").asBoolean());
        old.press(Key.READY);
        old.press(Key.BUSY);
        old.press(Key.BUSY);
        old.press(Key.READY);
        await().atMost(PATIENCE).until(() -> seat(http).path("seq").asLong() == 4);
        agent.close();

        // when a new Pi with an empty journal takes the seat and the agent goes busy
        SimulatedHardware replacement = terminal("pi-2");
        await().atMost(PATIENCE).until(() -> seat(http).path("online").asBoolean());
        replacement.press(Key.READY);
        replacement.press(Key.BUSY);

        // then the floor shows what the new terminal shows, above the old seqs
        await().atMost(PATIENCE).until(() -> "BUSY".equals(seat(http).path("state").asText()));
        assertThat(seat(http).path("seq").asLong()).isGreaterThan(4);
        assertThat(agent.snapshot().state().name()).isEqualTo("BUSY");
    }

    @Test
    void aTerminalThatCannotWriteItsDataDirectoryStillWorksAndTheFleetViewSaysSo() throws Exception {
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw")));
        Http http = new Http(gateway.httpPort());
        java.nio.file.Files.writeString(dir.resolve("in-the-way"), "a file where the data directory's parent should be");

        SimulatedHardware seat = terminal("in-the-way/data");
        seat.press(Key.READY);

        await().atMost(PATIENCE).until(() -> "READY".equals(seat(http).path("state").asText()));
        await().atMost(PATIENCE).until(() -> {
            for (JsonNode entry : http.json("/api/fleet").path("seats")) {
                if (entry.path("seat").asText().equals("s-007")) {
                    return "not-writable".equals(entry.path("disk").asText());
                }
            }
            return false;
        });
    }
}
