package dev.seatlink.gateway.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.testing.FakeFloorLink;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Topic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseKeeperTest {
    private static final long T = 1_800_000_000_000L;

    private final FakeFloorLink link = FakeFloorLink.acknowledgingAtOnce();
    private final List<PrimaryDuties.Occasion> duties = new ArrayList<>();
    private int recoveries;

    private long now = T;

    private LeaseKeeper keeper(Lease lease) {
        LeaseKeeper keeper = new LeaseKeeper(link, new Codec(), Topic.floor("hq", "f1", Topic.Kind.GATEWAY), lease,
                LeaseTest.TIMING, () -> now);
        keeper.onPrimary(duties::add);
        keeper.onRecovery(() -> recoveries++);
        return keeper;
    }

    @Test
    void afterAReconnectTheFloorIsCheckedOnlyOnceTheBrokerAcknowledgedAProbe() {
        LeaseKeeper keeper = keeper(Lease.single("hq-f1-gateway", LeaseTest.TIMING, T));
        keeper.subscribed();
        assertThat(duties).containsExactly(PrimaryDuties.Occasion.FIRST_CONNECT);
        assertThat(link.probeAcks).as("the first connect has nothing to recover").isEmpty();

        keeper.lost();
        keeper.subscribed();
        assertThat(link.probeAcks).hasSize(1);
        assertThat(recoveries).as("no roll call, replays or configs before the broker stores again").isZero();
        assertThat(duties).containsExactly(PrimaryDuties.Occasion.FIRST_CONNECT);

        link.probeAcks.get(0).complete();

        assertThat(recoveries).isEqualTo(1);
        assertThat(duties).containsExactly(PrimaryDuties.Occasion.FIRST_CONNECT, PrimaryDuties.Occasion.RECONNECTED);
    }

    @Test
    void aGatewayTakingTheLeaseActsAsPrimaryOnlyOnceTheBrokerAcknowledgedItsClaim() {
        FakeFloorLink slow = new FakeFloorLink();
        LeaseKeeper keeper = new LeaseKeeper(slow, new Codec(), Topic.floor("hq", "f1", Topic.Kind.GATEWAY),
                Lease.paired("hq-f1-gateway-a", LeaseTest.TIMING), LeaseTest.TIMING, () -> now);
        keeper.onPrimary(duties::add);
        keeper.subscribed();
        now += LeaseTest.TIMING.startupWaitMs();
        keeper.run();

        assertThat(slow.published).singleElement().satisfies(claim -> {
            assertThat(claim.topic()).isEqualTo("seatlink/v1/hq/f1/gateway");
            assertThat(claim.retained()).isTrue();
            assertThat(claim.acknowledged()).isTrue();
            assertThat(new String(claim.payload(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"id\":\"hq-f1-gateway-a\"", "\"since\":" + now);
        });
        assertThat(keeper.isPrimary()).isFalse();
        assertThat(duties).isEmpty();

        now += LeaseTest.TIMING.heartbeatMs();
        keeper.run();
        assertThat(slow.published).as("not acknowledged in a heartbeat: sent again").hasSize(2);

        slow.acks.get(0).complete();

        assertThat(keeper.isPrimary()).isTrue();
        assertThat(duties).containsExactly(PrimaryDuties.Occasion.TOOK_LEASE);
        slow.acks.get(1).complete();
        assertThat(duties).as("taken up once").hasSize(1);
    }

    @Test
    void anAcknowledgementFromAnEarlierConnectionIsNotThisOnes() {
        LeaseKeeper keeper = keeper(Lease.single("hq-f1-gateway", LeaseTest.TIMING, T));
        keeper.subscribed();
        keeper.lost();
        keeper.subscribed();
        keeper.lost();
        keeper.subscribed();

        link.probeAcks.get(0).complete();
        assertThat(recoveries).isZero();

        link.probeAcks.get(1).complete();
        assertThat(recoveries).isEqualTo(1);
    }

    @Test
    void aBrokerThatIsUpButDoesNotAcknowledgeStillHasItsFloorCheckedAfterTheWait() {
        LeaseKeeper keeper = keeper(Lease.paired("hq-f1-gateway-b", LeaseTest.TIMING));
        keeper.subscribed();
        keeper.lost();
        keeper.subscribed();

        link.probeAcks.get(0).fail("timed out after " + LeaseKeeper.ACK_WAIT_MS + " ms");

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
        link.probeAcks.get(0).fail("the broker link dropped");

        assertThat(recoveries).isZero();
    }
}
