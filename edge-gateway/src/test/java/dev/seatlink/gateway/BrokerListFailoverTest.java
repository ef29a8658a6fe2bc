package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.testing.FreePorts;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MosquittoBroker;
import dev.seatlink.gateway.testing.SeatTerminal;
import dev.seatlink.link.BrokerList;
import dev.seatlink.protocol.ClientId;
import dev.seatlink.terminal.hardware.Colour;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gateway and terminal given a list of brokers walk it: past a dead one at start, on to the next when theirs dies. */
class BrokerListFailoverTest {
    private static final String SEAT = "s-002";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final List<AutoCloseable> running = new ArrayList<>();
    @TempDir
    Path dir;

    @BeforeEach
    void needsMosquitto() {
        Assumptions.assumeTrue(MosquittoBroker.installed(), "mosquitto is not installed (apt-get install mosquitto)");
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void bothWalkTheListPastADeadBrokerAndOnToTheNextWhenTheirsDies() {
        MosquittoBroker a = MosquittoBroker.start(dir.resolve("a"));
        running.add(a);
        MosquittoBroker b = MosquittoBroker.start(dir.resolve("b"));
        running.add(b);
        String brokers = "tcp://127.0.0.1:" + FreePorts.next() + "," + a.url() + "," + b.url();
        // two brokers that are no cluster: the seat is one whose id turns the list as the gateway's floor does
        assertThat(BrokerList.turnedFor(BrokerList.parse(brokers), ClientId.seat("hq", "f1", SEAT), 0))
                .isEqualTo(BrokerList.turnedFor(BrokerList.parse(brokers), ClientId.prefix("hq", "f1"), 0))
                .startsWith(BrokerList.parse(brokers).get(0));
        Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, brokers, 0, dir.resolve("gw")));
        running.add(gateway);
        Http http = new Http(gateway.httpPort());
        SimulatedHardware seat = startTerminal(brokers);
        await().atMost(PATIENCE).until(() -> http.json("/api/seats/" + SEAT).path("online").asBoolean());
        seat.press(Key.NOT_READY);
        await().atMost(PATIENCE)
                .until(() -> "NOT_READY".equals(http.json("/api/seats/" + SEAT).path("state").asText()));

        a.close(); // the node both are on dies
        seat.press(Key.READY); // journaled, sent once the terminal is on the next broker

        // the light tells the agent's state whichever broker is up
        await().atMost(PATIENCE).until(() -> seat.light() == Colour.GREEN);
        await().atMost(PATIENCE).until(() -> "READY".equals(http.json("/api/seats/" + SEAT).path("state").asText()));
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        assertThat(http.json("/api/seats/" + SEAT).path("online").asBoolean()).isTrue();
    }

    private SimulatedHardware startTerminal(String brokers) {
        SeatTerminal terminal = SeatTerminal.start(brokers, SEAT, dir.resolve(SEAT));
        running.add(terminal);
        return terminal.hardware();
    }
}
