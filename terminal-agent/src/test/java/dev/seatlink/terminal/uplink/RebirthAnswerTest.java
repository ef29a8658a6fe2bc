package dev.seatlink.terminal.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.seat.FakeClock;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import dev.seatlink.terminal.testing.RefusingBroker;
import dev.seatlink.terminal.testing.StatusListener;
import dev.seatlink.terminal.testing.TestSeat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seat answers a gateway's {@code rebirth} with its status naming the ask, to whoever listens now, but leaves the
 * broker's retained copy as its connect made it: on a NATS cluster each retained publish is stored before the seat's
 * next packet is read, and a node's death has every gateway of the floor calling the roll at once. What lets the answer
 * leave the retained copy alone: a Last Will that comes after the seat reconnected is put right by the seat itself.
 */
class RebirthAnswerTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final Codec codec = new Codec();
    private final Topic status = Topic.seat("hq", "f1", "s-014", Topic.Kind.STATUS);

    @TempDir
    Path dir;

    private RefusingBroker broker;
    private String url;
    private TerminalAgent agent;
    private final List<StatusListener> listeners = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        for (StatusListener listener : listeners) {
            listener.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theAnswerReachesTheListenersAndTheRetainedStatusStaysTheConnects() throws Exception {
        StatusListener floor = startSeat();

        Topic cmd = Topic.seat("hq", "f1", "s-014", Topic.Kind.CMD);
        floor.client().publish(cmd.toString(), codec.encode(cmd, new Command.Rebirth("rc-1",
                System.currentTimeMillis())), 1, false);
        await().atMost(BOUND).until(() -> floor.heard().stream().anyMatch(s -> "rc-1".equals(s.rebirth())));

        List<SeatStatus> retained = listen("later-test").heard();
        await().atMost(BOUND).until(() -> !retained.isEmpty());
        assertThat(retained.get(0).online()).isTrue();
        assertThat(retained.get(0).rebirth()).as("the retained status is the connect's, naming no ask").isNull();
    }

    /** What the answer leaves to the seat: its Last Will, come after it reconnected, is put right by the seat. */
    @Test
    void aLateLastWillOfTheSeatsOwnBootIsPutRightByTheSeat() throws Exception {
        StatusListener floor = startSeat();
        List<SeatStatus> heard = floor.heard();
        String boot = heard.stream().filter(SeatStatus::online).findFirst().orElseThrow().boot();

        floor.client().publish(status.toString(), codec.encode(status, SeatStatus.offline(boot,
                System.currentTimeMillis())), 1, true); // as the broker publishes a Will it held
        await().atMost(BOUND).until(() -> heard.size() >= 3 && heard.get(heard.size() - 1).online());

        List<SeatStatus> retained = listen("later-test").heard();
        await().atMost(BOUND).until(() -> !retained.isEmpty());
        assertThat(retained.get(0).online()).as("the retained status says online again").isTrue();
        assertThat(retained.get(0).boot()).isEqualTo(boot);
    }

    /** A broker, a listener on the seat's status (the floor), and the seat, once the floor heard it online. */
    private StatusListener startSeat() throws Exception {
        broker = RefusingBroker.plain();
        url = broker.start(dir.resolve("broker"));
        StatusListener floor = listen("floor-test");
        agent = new SimulatedHardware().newAgent(TestSeat.config(url, dir.resolve("seat")),
                new FakeClock(System.currentTimeMillis()), screen -> { });
        agent.start();
        await().atMost(BOUND).until(() -> floor.heard().stream().anyMatch(SeatStatus::online));
        return floor;
    }

    private StatusListener listen(String clientId) throws Exception {
        StatusListener listener = new StatusListener(url, clientId, status);
        listeners.add(listener);
        return listener;
    }
}
