package dev.seatlink.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsNode;
import org.junit.jupiter.api.Test;

/**
 * A floor with two gateways on a 3-node NATS cluster, through outages that end: a rolling restart of all three nodes,
 * and the centre's PostgreSQL down for 30 s mid-burst while the primary is killed. In the end every store is whole.
 */
class FloorOutageTest extends FailoverOnCluster {
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
}
