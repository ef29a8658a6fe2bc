package dev.seatlink.centre.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.gateway.testing.PostgresPerClass;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the failover tests share: a 3-node NATS cluster of its own per test (what one test's kills leave behind in
 * JetStream is not the next one's), one PostgreSQL per class as the centre store, a floor of 30 seats with its two
 * gateways, and the end every test checks: both gateways' stores and the centre store hold every seat's events exactly
 * once, 1..n. Each scenario is a class of its own, so that the test JVMs run them side by side (centre/pom.xml).
 */
abstract class FailoverOnCluster {
    static final Duration RECOVERY = Duration.ofSeconds(120);
    /** Kept after a run (target/failover/TEST): the gateways' and nodes' logs tell what happened. */
    static final Path ROOT = Path.of("target", "failover");
    Path dir;
    NatsCluster cluster;
    /** The centre store every floor's gateways copy to (each test its own floor id). */
    @RegisterExtension
    static final PostgresPerClass postgres = new PostgresPerClass();

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

    /** A floor of 30 seats with its two gateways, a primary and a standby, and its seats connected. */
    ClusterFloor startFloor(String id) throws Exception {
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
    static void assertWhole(ClusterFloor floor) {
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(floor.bothStoredEverything()).as(floor.describe()).isTrue());
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(floor.centralStoreWhole()).as("the centre store: " + floor.describe())
                        .isTrue());
        floor.assertEveryStoreHoldsOneToN();
    }
}
