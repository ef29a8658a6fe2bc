package dev.seatlink.gateway.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.brokerlink.FloorLink;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseKeeperTest {
    private static final long T = 1_800_000_000_000L;

    /** A link whose probe acknowledgements the test completes, one per reconnect. */
    private static final class FakeLink implements FloorLink {
        final List<Promise<Void>> probes = new ArrayList<>();
        final List<String> published = new ArrayList<>();
        boolean connected = true;

        @Override
        public boolean isConnected() {
            return connected;
        }

        @Override
        public Future<Integer> publish(String topic, byte[] payload, boolean retained) {
            published.add(topic);
            return Future.succeededFuture(published.size());
        }

        @Override
        public Future<Void> publishAcknowledged(String topic, byte[] payload, boolean retained) {
            published.add(topic);
            return Future.succeededFuture();
        }

        @Override
        public void probeFloorTopics() {
            published.add("probe");
        }

        @Override
        public Future<Void> probeAcknowledged(long timeoutMs) {
            Promise<Void> acked = Promise.promise();
            probes.add(acked);
            return acked.future();
        }
    }

    private final FakeLink link = new FakeLink();
    private final List<PrimaryDuties.Occasion> duties = new ArrayList<>();
    private int recoveries;

    private LeaseKeeper keeper(Lease lease) {
        LeaseKeeper keeper = new LeaseKeeper(link, new Codec(), Topic.floor("hq", "f1", Topic.Kind.GATEWAY), lease,
                LeaseTest.TIMING, () -> T);
        keeper.onPrimary(duties::add);
        keeper.onRecovery(() -> recoveries++);
        return keeper;
    }

    @Test
    void afterAReconnectTheFloorIsCheckedOnlyOnceTheBrokerAcknowledgedAProbe() {
        LeaseKeeper keeper = keeper(Lease.single("hq-f1-gateway", LeaseTest.TIMING, T));
        keeper.subscribed();
        assertThat(duties).containsExactly(PrimaryDuties.Occasion.FIRST_CONNECT);
        assertThat(link.probes).as("the first connect has nothing to recover").isEmpty();

        keeper.lost();
        keeper.subscribed();
        assertThat(link.probes).hasSize(1);
        assertThat(recoveries).as("no roll call, replays or configs before the broker stores again").isZero();
        assertThat(duties).containsExactly(PrimaryDuties.Occasion.FIRST_CONNECT);

        link.probes.get(0).complete();

        assertThat(recoveries).isEqualTo(1);
        assertThat(duties).containsExactly(PrimaryDuties.Occasion.FIRST_CONNECT, PrimaryDuties.Occasion.RECONNECTED);
    }

    @Test
    void anAcknowledgementFromAnEarlierConnectionIsNotThisOnes() {
        LeaseKeeper keeper = keeper(Lease.single("hq-f1-gateway", LeaseTest.TIMING, T));
        keeper.subscribed();
        keeper.lost();
        keeper.subscribed();
        keeper.lost();
        keeper.subscribed();

        link.probes.get(0).complete();
        assertThat(recoveries).isZero();

        link.probes.get(1).complete();
        assertThat(recoveries).isEqualTo(1);
    }

    @Test
    void aBrokerThatIsUpButDoesNotAcknowledgeStillHasItsFloorCheckedAfterTheWait() {
        LeaseKeeper keeper = keeper(Lease.paired("hq-f1-gateway-b", LeaseTest.TIMING));
        keeper.subscribed();
        keeper.lost();
        keeper.subscribed();

        link.probes.get(0).fail("timed out after " + LeaseKeeper.ACK_WAIT_MS + " ms");

        assertThat(recoveries).isEqualTo(1);
        assertThat(duties).as("a standby has no primary duties").isEmpty();
    }

    @Test
    void aProbeLostWithTheLinkLeavesTheCheckToTheNextConnect() {
        LeaseKeeper keeper = keeper(Lease.single("hq-f1-gateway", LeaseTest.TIMING, T));
        keeper.subscribed();
        keeper.lost();
        keeper.subscribed();

        link.connected = false;
        link.probes.get(0).fail("the broker link dropped");

        assertThat(recoveries).isZero();
    }
}
