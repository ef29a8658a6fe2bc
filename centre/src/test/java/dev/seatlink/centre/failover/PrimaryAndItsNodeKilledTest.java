package dev.seatlink.centre.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.cluster.NatsNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A floor with two gateways on a 3-node NATS cluster, through kills: a primary gateway's {@code kill -9} and then a
 * {@code kill -9} of the node the new primary is on, both mid-burst. The standby takes over, supervisor commands still
 * reach seats, and in the end every store is whole. Nodes dying under seats and gateways: {@link SeatDiesWithItsNodeTest}, {@link NodeStaysDeadTest}.
 */
class PrimaryAndItsNodeKilledTest extends FailoverOnCluster {
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
}
