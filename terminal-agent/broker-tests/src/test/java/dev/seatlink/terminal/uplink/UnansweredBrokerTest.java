package dev.seatlink.terminal.uplink;

import static org.awaitility.Awaitility.await;

import dev.seatlink.link.testing.UnansweringBroker;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.FakeClock;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import dev.seatlink.terminal.testing.TestSeat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A broker that takes the seat's connection and then leaves a request unanswered: the seat drops the connection and
 * tries again, instead of waiting until the connection breaks. With a 2 s keepalive a CONNACK is waited for 3 s, the
 * answers to the subscriptions 6 s. The tests, each with a broker and a seat of its own, wait side by side.
 */
@Execution(ExecutionMode.CONCURRENT)
class UnansweredBrokerTest {
    @TempDir
    Path dir;

    private UnansweringBroker broker;
    private TerminalAgent agent;

    @AfterEach
    void stop() throws IOException {
        if (agent != null) {
            agent.close();
        }
        broker.close();
    }

    @Test
    void aConnectionTheBrokerNeverAnswersIsDroppedAndTriedAgain() throws Exception {
        broker = UnansweringBroker.silent();
        startSeat();
        await().atMost(Duration.ofSeconds(20)).until(() -> broker.connections() >= 2);
    }

    @Test
    void subscriptionsTheBrokerNeverAnswersAreDroppedWithTheConnectionAndMadeAgain() throws Exception {
        broker = UnansweringBroker.acceptingConnects();
        startSeat();
        await().atMost(Duration.ofSeconds(30)).until(() -> broker.connections() >= 2);
    }

    @Test
    void aLinkLostWhileSubscribingIsMadeAgainOnceAndTheNewConnectionSubscribes() throws Exception {
        // the loss and the failed subscribe both ask for a reconnect; two would make the second's refused connect
        // pass for the first's answer, and the seat would sit connected without subscribing
        broker = UnansweringBroker.droppingTheFirstSubscribe(1_000);
        startSeat();
        await().atMost(Duration.ofSeconds(20)).until(() -> broker.subscribeRequestsAfterTheFirstConnection() >= 1);
    }

    private void startSeat() {
        agent = new SimulatedHardware().newAgent(TestSeat.config(broker.url(), dir, "keepAliveSeconds", "2"),
                new FakeClock(1_763_900_001_000L), Display.NONE);
        agent.start();
    }
}
