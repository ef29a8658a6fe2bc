package dev.seatlink.gateway.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.lease.LeaseRule.Action;
import dev.seatlink.protocol.GatewayStatus;
import org.junit.jupiter.api.Test;

class LeaseTest {
    static final LeaseTiming TIMING = new LeaseTiming(2_000, 6_000, 3_000, 500);
    /** The tests' epoch: timestamps on the wire must be real dates. */
    static final long T = 1_800_000_000_000L;
    static final String A = "hq-f1-gateway-a";
    static final String B = "hq-f1-gateway-b";

    @Test
    void aFloorsOnlyGatewayIsPrimaryFromTheStartAndRenewsEveryHeartbeat() {
        Lease lease = Lease.single("hq-f1-gateway", TIMING, T);
        assertThat(lease.role()).isEqualTo(Role.PRIMARY);
        assertThat(lease.subscribed(T + 10)).isEqualTo(Action.RENEW);
        assertThat(lease.tick(T + 1_000)).isEqualTo(Action.NOTHING);
        assertThat(lease.tick(T + 2_010)).isEqualTo(Action.RENEW);
        assertThat(lease.linkLost()).isEqualTo(Action.NOTHING);
        assertThat(lease.role()).isEqualTo(Role.PRIMARY);
    }

    @Test
    void aPairedGatewayThatHearsNoHolderTakesTheLeaseAfterTheStartupWait() {
        Lease lease = Lease.paired(A, TIMING);
        assertThat(lease.tick(T + 100_000)).as("not subscribed yet: knows nothing").isEqualTo(Action.NOTHING);
        assertThat(lease.subscribed(T)).isEqualTo(Action.NOTHING);
        assertThat(lease.tick(T + 2_999)).isEqualTo(Action.NOTHING);
        assertThat(lease.tick(T + 3_000)).isEqualTo(Action.CLAIM);
        assertThat(lease.takeover()).isEqualTo(LeaseRule.Takeover.NONE_HEARD);
        assertThat(lease.isPrimary()).as("not before the broker has its claim").isFalse();
        assertThat(lease.claimAcknowledged(T + 3_000)).isEqualTo(Action.BECAME_PRIMARY);
        assertThat(lease.holder()).isEqualTo(A);
        assertThat(lease.renewal(T + 3_000, "http://a:8080/")).isEqualTo(GatewayStatus.primary(A, T + 3_000, "http://a:8080/", T + 3_000));
    }

    @Test
    void aStandbyFollowsALiveHolderAndTakesOverWhenItsHeartbeatStops() {
        Lease lease = Lease.paired(B, TIMING);
        lease.subscribed(T);
        assertThat(lease.heard(GatewayStatus.primary(A, T + 0, "http://a:8080/", T), T + 100)).isEqualTo(Action.NOTHING);
        assertThat(lease.tick(T + 5_000)).as("past the startup wait, but the holder was heard").isEqualTo(Action.NOTHING);
        lease.heard(GatewayStatus.primary(A, T + 2_000, "http://a:8080/", T), T + 2_100);
        assertThat(lease.holder()).isEqualTo(A);
        assertThat(lease.holderUrl()).isEqualTo("http://a:8080/");
        assertThat(lease.tick(T + 8_100)).as("exactly the timeout: not yet").isEqualTo(Action.NOTHING);
        assertThat(lease.tick(T + 8_101)).as("silent, or only late? a probe tells").isEqualTo(Action.PROBE);
        assertThat(lease.tick(T + 8_600)).as("one probe out").isEqualTo(Action.NOTHING);
        assertThat(lease.probeCameBack(T + 8_101, T + 8_150)).as("back, and no heartbeat before it")
                .isEqualTo(Action.CLAIM);
        assertThat(lease.takeover()).isEqualTo(LeaseRule.Takeover.PROBE_BACK_FIRST);
        assertThat(lease.holderUrl()).isNull();
    }

    /** A standby that heard A at T + 100 and, 6 s later, probed its silence. */
    private static Lease probingAfterSilence() {
        Lease lease = Lease.paired(B, TIMING);
        lease.subscribed(T);
        lease.heard(GatewayStatus.primary(A, T, null, T), T + 100);
        assertThat(lease.tick(T + 6_101)).isEqualTo(Action.PROBE);
        return lease;
    }

    @Test
    void aHeartbeatThatWasOnlyLateComesBeforeTheProbeAndTheStandbyStaysStandby() {
        Lease lease = probingAfterSilence();

        lease.heard(GatewayStatus.primary(A, T + 2_000, null, T), T + 9_000); // a busy cluster: 7 s late

        assertThat(lease.probeCameBack(T + 6_101, T + 9_050)).isEqualTo(Action.NOTHING);
        assertThat(lease.role()).isEqualTo(Role.STANDBY);
        assertThat(lease.tick(T + 15_001)).as("silent again: a new probe").isEqualTo(Action.PROBE);
    }

    @Test
    void aProbeOlderThanTheSilenceProvesNothing() {
        Lease lease = probingAfterSilence();

        assertThat(lease.probeCameBack(T + 5_000, T + 6_200)).as("a subscription check's, sent before")
                .isEqualTo(Action.NOTHING);
        assertThat(lease.probeCameBack(T + 6_500, T + 6_600)).as("any of its probes sent since will do")
                .isEqualTo(Action.CLAIM);
    }

    @Test
    void aStandbyWhoseOwnProbeDoesNotComeBackEitherTakesTheLeaseATimeoutLater() {
        Lease lease = probingAfterSilence();

        assertThat(lease.tick(T + 12_100)).isEqualTo(Action.NOTHING);
        assertThat(lease.tick(T + 12_101)).as("its own deliveries stalled: the silence counts all the same")
                .isEqualTo(Action.CLAIM);
        assertThat(lease.takeover()).isEqualTo(LeaseRule.Takeover.PROBE_LATE);
    }

    @Test
    void aStandbyWhoseDeliveriesLagWaitsTwiceItsProbesRoundTripBeforeTheSilenceCounts() {
        Lease lease = Lease.paired(B, TIMING);
        lease.subscribed(T);
        lease.heard(GatewayStatus.primary(A, T, null, T), T + 100);
        lease.probeCameBack(T + 200, T + 8_200); // a subscription check's probe: 8 s through a busy cluster
        assertThat(lease.probeRoundTripMs()).isEqualTo(8_000);
        assertThat(lease.tick(T + 6_101)).isEqualTo(Action.PROBE);

        assertThat(lease.tick(T + 12_101)).as("6 s late is only usual lag now").isEqualTo(Action.NOTHING);
        lease.heard(GatewayStatus.primary(A, T + 2_000, null, T), T + 14_000); // the holder was alive all along
        assertThat(lease.probeCameBack(T + 6_101, T + 14_050)).isEqualTo(Action.NOTHING);
        assertThat(lease.role()).isEqualTo(Role.STANDBY);
        assertThat(lease.probeRoundTripMs()).as("moving average").isEqualTo((8_000 * 7 + 7_949) / 8);

        assertThat(lease.tick(T + 20_001)).as("silent again").isEqualTo(Action.PROBE);
        assertThat(lease.tick(T + 35_986)).isEqualTo(Action.NOTHING);
        assertThat(lease.tick(T + 35_987)).as("twice the round trip late: the floor subscription stalled")
                .isEqualTo(Action.CLAIM);
        assertThat(lease.takeover()).isEqualTo(LeaseRule.Takeover.PROBE_LATE);
    }

    @Test
    void aStandbyTakesOverAtOnceWhenTheHolderGoesOffline() {
        Lease lease = Lease.paired(B, TIMING);
        lease.subscribed(T);
        lease.heard(GatewayStatus.primary(A, T + 0, null, T), T + 10);
        assertThat(lease.heard(GatewayStatus.offline(A, T + 20), T + 20)).isEqualTo(Action.CLAIM);
        assertThat(lease.takeover()).isEqualTo(LeaseRule.Takeover.HOLDER_OFFLINE);
    }

    @Test
    void aStandbyIgnoresItsOwnStatusFromBeforeARestart() {
        Lease lease = Lease.paired(A, TIMING);
        lease.subscribed(T);
        assertThat(lease.heard(GatewayStatus.primary(A, T + 0, null, T), T + 10)).isEqualTo(Action.NOTHING);
        assertThat(lease.heard(GatewayStatus.offline(A, T), T + 10)).isEqualTo(Action.NOTHING);
        assertThat(lease.role()).isEqualTo(Role.STANDBY);
        assertThat(lease.tick(T + 3_000)).as("still nobody else: it takes the lease").isEqualTo(Action.CLAIM);
    }

    @Test
    void thePrimaryRenewsAtOnceWhenAnotherOfflineStatusOverwritesItsLease() {
        Lease lease = primaryAt(A, T + 3_000);
        assertThat(lease.heard(GatewayStatus.offline(B, T + 4_000), T + 4_000)).isEqualTo(Action.RENEW);
        assertThat(lease.heard(GatewayStatus.primary(A, T + 4_000, null, T + 3_000), T + 4_001)).as("its own echo").isEqualTo(Action.NOTHING);
        assertThat(lease.role()).isEqualTo(Role.PRIMARY);
    }

    @Test
    void ofTwoThatBothClaimTheLaterStepsDownAndTheEarlierRenews() {
        Lease early = primaryAt(A, T + 3_000);
        Lease late = primaryAt(B, T + 3_200);
        assertThat(late.heard(early.renewal(T + 3_300, null), T + 3_300)).isEqualTo(Action.BECAME_STANDBY);
        assertThat(late.holder()).isEqualTo(A);
        assertThat(early.heard(GatewayStatus.primary(B, T + 3_200, null, T + 3_200), T + 3_300)).isEqualTo(Action.RENEW);
        assertThat(early.role()).isEqualTo(Role.PRIMARY);
    }

    @Test
    void onATieTheSmallerIdKeepsTheLease() {
        Lease a = primaryAt(A, T + 3_000);
        Lease b = primaryAt(B, T + 3_000);
        assertThat(b.heard(a.renewal(T + 3_100, null), T + 3_100)).isEqualTo(Action.BECAME_STANDBY);
        assertThat(a.heard(GatewayStatus.primary(B, T + 3_100, null, T + 3_000), T + 3_100)).isEqualTo(Action.RENEW);
    }

    @Test
    void aPrimaryWhoseLinkDropsIsStandbyAtOnceAndWaitsForTheLeaseAgain() {
        Lease lease = primaryAt(A, T + 3_000);
        assertThat(lease.linkLost()).isEqualTo(Action.BECAME_STANDBY);
        assertThat(lease.holder()).isNull();
        assertThat(lease.tick(T + 60_000)).as("no link: it takes nothing").isEqualTo(Action.NOTHING);
        lease.subscribed(T + 60_000);
        lease.heard(GatewayStatus.primary(B, T + 59_000, "http://b/", T + 55_000), T + 60_010);
        assertThat(lease.holder()).isEqualTo(B);
        assertThat(lease.tick(T + 63_000)).isEqualTo(Action.NOTHING);
    }

    @Test
    void aStandbyTakesNoNoticeOfAnOfflineStatusOfAGatewayItDoesNotFollow() {
        Lease lease = Lease.paired(B, TIMING);
        lease.subscribed(T);
        lease.heard(GatewayStatus.primary(A, T + 0, null, T), T + 10);
        assertThat(lease.heard(GatewayStatus.offline("hq-f1-gateway", T + 20), T + 20)).isEqualTo(Action.NOTHING);
        assertThat(lease.role()).isEqualTo(Role.STANDBY);
    }

    private static Lease primaryAt(String id, long at) {
        Lease lease = Lease.paired(id, TIMING);
        lease.subscribed(at - TIMING.startupWaitMs());
        assertThat(lease.tick(at)).isEqualTo(Action.CLAIM);
        assertThat(lease.claimAcknowledged(at)).isEqualTo(Action.BECAME_PRIMARY);
        return lease;
    }

    /**
     * A's claim is held up in the broker (NATS stores a retained message before it delivers it, up to 4 s while
     * that stream elects a leader); B, hearing nothing from A, takes the lease meanwhile — seen on a node's death.
     */
    @Test
    void aClaimHeldUpInTheBrokerIsNotActedOnAndTheLaterClaimantStepsDownWhenItLands() {
        Lease a = Lease.paired(A, TIMING);
        a.subscribed(T);
        assertThat(a.tick(T + 3_000)).isEqualTo(Action.CLAIM);
        Lease b = primaryAt(B, T + 5_500);

        assertThat(a.heard(b.renewal(T + 5_500, null), T + 5_600)).as("A claimed earlier: it keeps its claim")
                .isEqualTo(Action.NOTHING);
        assertThat(a.isPrimary()).isFalse();
        assertThat(a.tick(T + 5_600)).as("its claim sent again every heartbeat").isEqualTo(Action.CLAIM_AGAIN);
        assertThat(a.tick(T + 6_000)).isEqualTo(Action.NOTHING);

        assertThat(b.heard(a.renewal(T + 7_000, null), T + 7_000)).as("A's claim lands").isEqualTo(Action.BECAME_STANDBY);
        assertThat(b.holder()).isEqualTo(A);
        assertThat(a.claimAcknowledged(T + 3_000)).isEqualTo(Action.BECAME_PRIMARY);
        assertThat(a.heard(GatewayStatus.primary(B, T + 6_000, null, T + 5_500), T + 7_010))
                .as("B's last heartbeat before it stepped down").isEqualTo(Action.RENEW);
        assertThat(a.isPrimary()).isTrue();
    }

    @Test
    void aClaimantThatHearsAnEarlierHolderWithdrawsAndALateAcknowledgementChangesNothing() {
        Lease b = Lease.paired(B, TIMING);
        b.subscribed(T);
        assertThat(b.tick(T + 3_000)).isEqualTo(Action.CLAIM);
        assertThat(b.heard(GatewayStatus.offline("hq-f1-gateway", T + 3_100), T + 3_100)).isEqualTo(Action.NOTHING);

        assertThat(b.heard(GatewayStatus.primary(A, T + 3_200, "http://a/", T + 2_900), T + 3_200))
                .isEqualTo(Action.CLAIM_WITHDRAWN);
        assertThat(b.holder()).isEqualTo(A);
        assertThat(b.claimAcknowledged(T + 3_000)).isEqualTo(Action.NOTHING);
        assertThat(b.isPrimary()).isFalse();
        assertThat(b.tick(T + 6_000)).as("it follows A now").isEqualTo(Action.NOTHING);
    }

    @Test
    void aClaimIsDroppedWithTheLinkAndAGatewayStoppingWhileClaimingSaysOffline() {
        Lease a = Lease.paired(A, TIMING);
        a.subscribed(T);
        assertThat(a.tick(T + 3_000)).isEqualTo(Action.CLAIM);
        assertThat(a.linkLost()).isEqualTo(Action.NOTHING);
        assertThat(a.claimAcknowledged(T + 3_000)).as("an acknowledgement from before the loss").isEqualTo(Action.NOTHING);
        assertThat(a.tick(T + 10_000)).isEqualTo(Action.NOTHING);

        a.subscribed(T + 10_000);
        assertThat(a.tick(T + 13_000)).isEqualTo(Action.CLAIM);
        assertThat(a.resign()).as("its claim may still land: it says offline").isTrue();
    }

    @Test
    void aGatewayThatResignedHoldsAndTakesNothingMore() {
        Lease lease = primaryAt(A, T + 3_000);
        assertThat(lease.resign()).as("it was primary: it says offline").isTrue();
        assertThat(lease.heard(lease.offline(T + 3_100), T + 3_100)).as("its goodbye heard back").isEqualTo(Action.NOTHING);
        assertThat(lease.tick(T + 60_000)).isEqualTo(Action.NOTHING);
        assertThat(lease.role()).isEqualTo(Role.STANDBY);
        assertThat(Lease.paired(B, TIMING).resign()).as("a standby has nothing to give up").isFalse();
    }
}
