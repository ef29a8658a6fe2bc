package dev.seatlink.centre.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A floor with two gateways on a 3-node NATS cluster when a seat dies together with its node, its Last Will perhaps
 * with them: both gateways show it offline after the rebirth bound, and in the end every store is whole.
 */
class SeatDiesWithItsNodeTest extends FailoverOnCluster {
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
}
