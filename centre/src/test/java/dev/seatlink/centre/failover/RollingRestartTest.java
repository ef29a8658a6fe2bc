package dev.seatlink.centre.failover;

import dev.seatlink.cluster.NatsNode;
import org.junit.jupiter.api.Test;

/**
 * A floor with two gateways on a 3-node NATS cluster through a rolling restart of all three nodes, one after the other
 * as an upgrade does, mid-burst. In the end every store is whole.
 */
class RollingRestartTest extends FailoverOnCluster {
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
}
