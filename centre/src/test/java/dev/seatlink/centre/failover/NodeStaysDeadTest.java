package dev.seatlink.centre.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.cluster.NatsNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A floor with two gateways on a 3-node NATS cluster when the node holding the primary's event consumer dies for good:
 * the subscription it held is found (the cluster asked whether its consumers live, or its probes) and made again, and
 * in the end every store is whole. Its asks of seats went through its NATS client.
 */
class NodeStaysDeadTest extends FailoverOnCluster {
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
            System.out.println("gateway a found its event subscription dead and made it again "
                    + Duration.ofNanos(System.nanoTime() - killed).toMillis() + " ms after its node's kill -9");
            // the roll call after the stall asks every seat: through the NATS client, which no consumer holds up
            await().atMost(RECOVERY).ignoreExceptions()
                    .untilAsserted(() -> assertThat(floor.a().asksOverNats()).isPositive());
            floor.burst(100, 100);
            assertWhole(floor); // stops the gateways
        }
    }
}
