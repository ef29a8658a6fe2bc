package dev.seatlink.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.cluster.NatsNode;
import dev.seatlink.gateway.testing.PostgresServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A floor with two gateways on a 3-node NATS cluster, through a primary gateway's {@code kill -9} and then
 * a {@code kill -9} of the node the new primary is on, both mid-burst; a seat dying with its node; a rolling
 * restart; the centre's PostgreSQL down for 30 s mid-burst (and the primary killed meanwhile); a node that stays dead
 * (the subscriptions it held are found by their probes and made again): the standby takes over, supervisor commands
 * still reach seats, the dead seat is shown offline, and in the end both gateways' stores and the centre store hold
 * every seat's events exactly once, 1..n.
 */
class FloorFailoverTest {
    private static final Duration RECOVERY = Duration.ofSeconds(120);
    /** Kept after a run (target/failover/TEST): the gateways' and nodes' logs tell what happened. */
    static final Path ROOT = Path.of("target", "failover");
    Path dir;
    NatsCluster cluster;
    /** The centre store every floor's gateways copy to (each test its own floor id). */
    static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A cluster of its own per test: what one test's kills leave behind in JetStream is not the next one's. */
    @BeforeEach
    void startCluster(TestInfo test) {
        dir = ROOT.resolve(test.getTestMethod().orElseThrow().getName());
        NatsCluster.deleteTree(dir);
        cluster = NatsCluster.start(dir.resolve("cluster"), 3, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void nothingIsLostOrDoubledWhenThePrimaryAndThenItsNodeAreKilledMidBurst() throws Exception {
        try (ClusterFloor floor = startFloor("f1")) {
            floor.burst(300, 100);

            floor.a().jvm.kill9(); // the primary dies mid-burst, its Last Will with it or not
            long killed = System.nanoTime();
            floor.burst(300, 100);
            await().atMost(RECOVERY).ignoreExceptions().until(() -> "primary".equals(floor.b().role()));
            Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
            System.out.println("standby primary " + takeover.toMillis() + " ms after the primary's kill -9");

            // the new primary carries out a supervisor's command
            HttpResponse<String> sent = floor.b().http().post("/api/seats/s-00001/commands",
                    "{\"cmd\":\"message\",\"text\":\"huddle at 10\"}", ClusterFloor.MANAGER, floor.managerPassword());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            String id = new ObjectMapper().readTree(sent.body()).path("id").asText();
            await().atMost(RECOVERY).ignoreExceptions().until(() -> "ok".equals(floor.b().http()
                    .json("/api/commands/" + id, ClusterFloor.MANAGER, floor.managerPassword()).path("status").asText()));

            floor.start(floor.a()); // back, as standby, catching up from its persistent session
            await().atMost(RECOVERY).ignoreExceptions().until(() -> "standby".equals(floor.a().role()));

            NatsNode primaryNode = floor.nodeOf(floor.b());
            floor.burst(200, 100);
            primaryNode.kill(); // the new primary's node dies mid-burst
            floor.burst(300, 100);
            primaryNode.start();

            assertThat(floor.seats().sent()).isEqualTo(1_100);
            assertWhole(floor);
        }
    }

    @Test
    void aSeatThatDiesWithItsNodeIsShownOfflineAndNothingElseIsLost() throws Exception {
        try (ClusterFloor floor = startFloor("f2")) {
            floor.burst(150, 100);
            String doomed = "s-00002";
            NatsNode itsNode = cluster.nodes().stream().filter(n -> n.mqttUrl().equals(floor.seats().nodeOf(doomed)))
                    .findFirst().orElseThrow();
            floor.kill(doomed);
            itsNode.kill(); // the seat and its node die together: its Last Will may die with them
            long killed = System.nanoTime();
            floor.burst(150, 100);
            itsNode.start();

            for (ClusterFloor.Gateway gateway : List.of(floor.a(), floor.b())) {
                await().atMost(RECOVERY).ignoreExceptions().untilAsserted(() -> assertThat(gateway.http()
                        .json("/api/seats/" + doomed).path("online").asBoolean()).as("%s says %s is online; see %s",
                                gateway.instance, doomed, dir).isFalse());
            }
            System.out.println("seat dead with its node shown offline " + Duration.ofNanos(System.nanoTime() - killed)
                    .toMillis() + " ms after the kill");
            assertWhole(floor);
        }
    }

    @Test
    void aRollingRestartOfAllThreeNodesLosesNothing() throws Exception {
        try (ClusterFloor floor = startFloor("f3")) {
            floor.burst(150, 100);
            for (NatsNode node : cluster.nodes()) { // one node after the other, as an upgrade does
                node.stop();
                floor.burst(100, 100);
                node.start();
                cluster.awaitServing(RECOVERY); // not every consumer current: under load that can take minutes
                floor.burst(50, 100);
            }
            assertWhole(floor);
        }
    }

    @Test
    void thePrimaryKilledWhileTheCentreStoreIsDownForThirtySecondsLosesNothingThereEither() throws Exception {
        try (ClusterFloor floor = startFloor("f4")) {
            floor.burst(150, 100);
            await().atMost(RECOVERY).until(floor::centralStoreWhole);

            postgres.stop(); // the centre store goes down mid-burst, for 30 s
            floor.burst(100, 10);
            floor.a().jvm.kill9(); // and the primary dies while it is down: its outbox waits on its disk
            floor.burst(200, 10);
            assertThat(floor.b().health().path("centralStore").asText()).startsWith("WAITING");
            postgres.startAgain();
            floor.start(floor.a()); // back: it copies what waited in its outbox
            floor.burst(100, 100);

            assertWhole(floor);
        }
    }

    @Test
    void aNodeThatStaysDeadLeavesNoSubscriptionStalledAndLosesNothing() throws Exception {
        try (ClusterFloor floor = startFloor("f5")) {
            floor.burst(150, 100);
            NatsNode doomed = await().atMost(RECOVERY).until(() -> floor.nodeHoldingEventsOf(floor.a()),
                    java.util.Objects::nonNull);
            doomed.kill(); // for good: the subscriptions whose consumers it held deliver nothing until made again
            long killed = System.nanoTime();
            floor.burst(150, 100);
            await().atMost(RECOVERY).ignoreExceptions().until(() -> floor.a().stalls() > 0);
            System.out.println("gateway a found its event subscription stalled and made it again "
                    + Duration.ofNanos(System.nanoTime() - killed).toMillis() + " ms after its node's kill -9");
            floor.burst(100, 100);
            assertWhole(floor);
        }
    }

    /** A floor of 30 seats with its two gateways, a primary and a standby, and its seats connected. */
    private ClusterFloor startFloor(String id) throws Exception {
        ClusterFloor floor = new ClusterFloor(cluster, dir.resolve(id), id, 30);
        floor.copyTo(postgres.url());
        floor.start(floor.a());
        await().atMost(RECOVERY).ignoreExceptions().until(() -> "primary".equals(floor.a().role()));
        floor.start(floor.b());
        await().atMost(RECOVERY).ignoreExceptions().until(() -> "standby".equals(floor.b().role()));
        // A pair's gateway is standby from its start, before it has subscribed: events sent before that never reach
        // it, and it asks the seats to replay them, which a seat that dies early cannot (the standby would stay short).
        await().atMost(RECOVERY).ignoreExceptions().until(() -> floor.a().subscribed() && floor.b().subscribed());
        floor.connectSeats();
        return floor;
    }

    /** Both gateways' stores and the centre store hold every seat's events exactly once, 1..n. */
    private static void assertWhole(ClusterFloor floor) {
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(floor.bothStoredEverything()).as(floor.describe()).isTrue());
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(floor.centralStoreWhole()).as("the centre store: " + floor.describe())
                        .isTrue());
        floor.assertEveryStoreHoldsOneToN();
    }
}
