package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MosquittoBroker;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.hardware.Colour;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The first end-to-end slice: a press of a seat's Not ready button travels terminal → broker →
 * gateway and shows on {@code /api/seats/{seat}} and on the live stream. Two real terminal agents on
 * mock hardware, a real gateway, and either the embedded broker or a real Mosquitto.
 */
class SeatPressReachesWallboardTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    enum Broker { EMBEDDED, MOSQUITTO }

    @TempDir
    Path dir;

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<SimulatedHardware> seats = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private Gateway startGateway(Broker broker) {
        String external = null;
        if (broker == Broker.MOSQUITTO) {
            if (!MosquittoBroker.installed()) {
                System.err.println("SKIPPED: mosquitto is not installed here (apt-get install mosquitto); "
                        + "the embedded-broker variant still ran");
            }
            Assumptions.assumeTrue(MosquittoBroker.installed(), "mosquitto is not installed (apt-get install mosquitto)");
            MosquittoBroker mosquitto = MosquittoBroker.start(dir);
            running.add(mosquitto);
            external = mosquitto.url();
        }
        GatewayConfig config = GatewayConfig.defaults().with(0, external, 0, dir.resolve("gateway"));
        Gateway gateway = Gateway.start(config);
        running.add(gateway);
        return gateway;
    }

    private SimulatedHardware startTerminal(Gateway gateway, String seat) {
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", seat);
        props.setProperty("broker", gateway.brokerUrl());
        props.setProperty("hardware", "simulated");
        props.setProperty("dataDir", dir.resolve(seat).toString());
        SimulatedHardware hardware = new SimulatedHardware();
        TerminalAgent agent = hardware.newAgent(TerminalConfig.from(props, "test"), Clock.system(),
                Display.NONE);
        running.add(agent);
        agent.start();
        seats.add(hardware);
        return hardware;
    }

    @ParameterizedTest
    @EnumSource(Broker.class)
    void notReadyPressShowsOnTheSeatApiAndTheLiveStream(Broker broker) {
        // given a gateway and two seats, both online
        Gateway gateway = startGateway(broker);
        Http http = new Http(gateway.httpPort());
        SimulatedHardware seat1 = startTerminal(gateway, "s-001");
        startTerminal(gateway, "s-002");
        await().atMost(PATIENCE).until(() -> http.json("/api/floor").path("kpis").path("online").asInt() == 2);
        List<String> stream = http.stream("/api/stream");
        await().atMost(PATIENCE).until(() -> stream.contains("event: kpis"));

        // when the agent at s-001 presses Not ready
        seat1.press(Key.NOT_READY);

        // then the gateway shows the seat not ready with the first configured reason
        await().atMost(PATIENCE).untilAsserted(() -> {
            var seat = http.json("/api/seats/s-001");
            assertThat(seat.path("state").asText()).isEqualTo("NOT_READY");
            assertThat(seat.path("reason").asText()).isEqualTo("break");
            assertThat(seat.path("agent").asText()).isEqualTo("a1001");
            assertThat(seat.path("online").asBoolean()).isTrue();
            assertThat(seat.path("seq").asLong()).isEqualTo(1);
        });
        // and the live stream carried the change
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stream).anySatisfy(line -> assertThat(line)
                .startsWith("data: {\"seat\":\"s-001\"").contains("\"state\":\"NOT_READY\"").contains("\"reason\":\"break\"")));
        // and the seat's light shows not ready; the other seat is untouched
        assertThat(seat1.light()).isEqualTo(Colour.BLUE);
        assertThat(http.json("/api/seats/s-002").path("state").asText()).isEqualTo("LOGGED_OUT");
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
    }
}
