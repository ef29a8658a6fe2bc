package dev.seatlink.centre.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

/**
 * A floor with two gateways on a 3-node NATS cluster while the centre's PostgreSQL is down for 30 s mid-burst and the
 * primary is killed meanwhile (the standby takes over and stores on while the store is still down): what waited in the
 * gateways' outboxes reaches the centre store once it is back, and in the end every store is whole.
 */
class StoreOutageTest extends FailoverOnCluster {
    @Test
    void thePrimaryKilledWhileTheCentreStoreIsDownLosesNothingThereEither() throws Exception {
        try (ClusterFloor floor = startFloor("f4")) {
            floor.burst(150, 100);
            await().atMost(RECOVERY).until(floor::centralStoreWhole);

            postgres.stop(); // the centre store goes down mid-burst, for the 30 s of these two bursts
            floor.burst(100, 10);
            floor.a().jvm.kill9(); // and the primary dies while it is down: its outbox waits on its disk
            floor.burst(200, 10); // the standby takes over at once (the kill sends the Last Will) and stores on
            assertThat(floor.b().health().path("centralStore").asText()).startsWith("WAITING");
            postgres.startAgain();
            floor.start(floor.a()); // back: it copies what waited in its outbox
            floor.burst(100, 100);

            assertWhole(floor);
        }
    }
}
