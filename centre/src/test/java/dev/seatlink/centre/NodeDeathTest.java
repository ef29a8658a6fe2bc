package dev.seatlink.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A floor with two gateways on a 3-node NATS cluster, through a node's death: a seat dying with its node, and a node
 * that stays dead (the subscriptions it held are found by their probes and made again). The dead seat is shown
 * offline and in the end every store is whole.
 */
class NodeDeathTest extends FailoverOnCluster {
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
}
