package dev.seatlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.testing.RefusingBroker;
import dev.seatlink.terminal.testing.StatusListener;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A traced seat tells how it came up, what it sent and what the broker acknowledged, and what it was asked. */
class SeatTraceTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final Topic status = Topic.seat("hq", "f1", FloorSimulator.seatId(1), Topic.Kind.STATUS);
    private final Topic cmd = Topic.seat("hq", "f1", FloorSimulator.seatId(1), Topic.Kind.CMD);

    @TempDir
    Path dir;

    @Test
    void aSeatTellsItsLinkInTheOrderThingsHappened() throws Exception {
        Vertx vertx = Vertx.vertx();
        List<String> told = new CopyOnWriteArrayList<>();
        try (RefusingBroker broker = RefusingBroker.plain()) {
            String url = broker.start(dir.resolve("broker"));
            FloorSimulator.Settings oneSeat = FloorSimulator.Settings.plain(url, "hq", "f1", 1, 1);
            try (FloorSimulator floor = new FloorSimulator(vertx, oneSeat);
                 StatusListener gateway = new StatusListener(url, "floor-test", status)) {
                floor.traceTo((seat, what) -> told.add(seat + " " + what.replaceAll(", \\d+ ms after",
                        ", N ms after")));
                floor.connectAll().await();
                floor.step();
                String eventAcknowledged = "s-00001 acknowledged: event 1, N ms after it was sent";
                await().atMost(BOUND).until(() -> told.contains(eventAcknowledged));
                gateway.client().publish(cmd.toString(), new Codec().encode(cmd, new Command.Replay("r-1", 1, 1L,
                        System.currentTimeMillis())), 1, false); // as a gateway asks for a missing event
                await().atMost(BOUND).until(() -> told.stream().filter("s-00001 publishing event 1"::equals)
                        .count() == 2);

                assertThat(told).containsSubsequence(
                        "s-00001 connecting to " + url,
                        "s-00001 connected to " + url,
                        "s-00001 subscribing",
                        "s-00001 publishing status", // as a terminal, without waiting for the SUBACK
                        "s-00001 publishing state",
                        "s-00001 publishing event 1",
                        eventAcknowledged,
                        "s-00001 asked to replay seq 1..1",
                        "s-00001 publishing event 1");
                assertThat(told).as("the SUBACK, and the PUBACKs of status and state on the connection they left by")
                        .contains("s-00001 subscription granted",
                                "s-00001 acknowledged: status, N ms after it was sent",
                                "s-00001 acknowledged: state, N ms after it was sent");
            }
        } finally {
            vertx.close().await();
        }
    }
}
