package dev.seatlink.centre.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.centre.config.CentrePlan;
import dev.seatlink.link.RejectLog;
import dev.seatlink.link.testing.UnansweringBroker;
import dev.seatlink.protocol.FloorSummary;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.SeatEvent;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cluster node that takes the centre's connection and then stalls — never accepting it, or never answering its
 * subscriptions — is dropped after the bound (three keepalives; here half a second) and connected to again, and the
 * page is never told the link is up on a connection that delivers nothing.
 */
class CentreLinkTest {
    private static final long ANSWER_MS = 500;
    private final Vertx vertx = Vertx.vertx();
    private final LinkStates states = new LinkStates();
    private CentreLink link;

    @AfterEach
    void stop() {
        vertx.runOnContext(v -> link.close());
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aNodeThatNeverAcceptsTheConnectionIsDroppedAndConnectedAgain() throws Exception {
        try (UnansweringBroker node = UnansweringBroker.silent()) {
            assertTheCentreConnectsAgainAndIsNeverUp(node);
        }
    }

    @Test
    void aNodeThatNeverAnswersTheSubscriptionsIsDroppedAndConnectedAgain() throws Exception {
        try (UnansweringBroker node = UnansweringBroker.acceptingConnects()) {
            assertTheCentreConnectsAgainAndIsNeverUp(node);
        }
    }

    private void assertTheCentreConnectsAgainAndIsNeverUp(UnansweringBroker node) {
        CentrePlan plan = new CentrePlan("HQ", List.of(new CentrePlan.FloorRef("hq", "f1", "First")));
        link = new CentreLink(vertx, node.url(), plan, new CentreLink.Login(null, null, null),
                new RejectLog(System::currentTimeMillis), ANSWER_MS);
        vertx.runOnContext(v -> link.start(states));

        await().atMost(Duration.ofSeconds(20)).until(() -> node.connections() >= 2);
        assertThat(states.seen).doesNotContain(true);
    }

    /** Records what the link tells the page about itself. */
    private static final class LinkStates implements FloorFeed {
        final List<Boolean> seen = new CopyOnWriteArrayList<>();

        @Override
        public void summary(String site, String floor, FloorSummary summary) {
        }

        @Override
        public void lease(String site, String floor, GatewayStatus status) {
        }

        @Override
        public void seatEvent(String site, String floor, SeatEvent event) {
        }

        @Override
        public void link(boolean up) {
            seen.add(up);
        }

        @Override
        public void refused() {
        }
    }
}
