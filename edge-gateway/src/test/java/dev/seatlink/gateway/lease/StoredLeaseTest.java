package dev.seatlink.gateway.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.lease.LeaseRule.Action;
import dev.seatlink.protocol.GatewayStatus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StoredLeaseTest {
    static final LeaseTiming TIMING = new LeaseTiming(2_000, 6_000, 3_000, 500);
    static final long T = 1_800_000_000_000L;
    static final String A = "hq-f1-gateway-a";
    static final String B = "hq-f1-gateway-b";
    static final String URL = "http://a:8080/";

    @Test
    void aStandbyReadsTheRecordAndTakesAFreeLeaseByWritingOverNoRecord() {
        StoredLease lease = new StoredLease(A, TIMING);
        assertThat(lease.tick(T)).as("not subscribed: takes nothing").isEqualTo(Action.NOTHING);
        assertThat(lease.subscribed(T)).isEqualTo(Action.READ);
        assertThat(lease.tick(T + 500)).as("a read is out").isEqualTo(Action.NOTHING);
        assertThat(lease.read(0, null, T + 600)).isEqualTo(Action.NOTHING);
        assertThat(lease.tick(T + 1_000)).isEqualTo(Action.WRITE);
        assertThat(lease.takeover()).isEqualTo(LeaseRule.Takeover.LEASE_FREE);
        StoredLease.Write take = lease.write(T + 1_000, URL);
        assertThat(take.expectedRevision()).isZero();
        assertThat(lease.claiming()).isTrue();
        assertThat(lease.isPrimary()).as("not before the store took it").isFalse();
        assertThat(lease.written(take, 1, T + 1_050)).isEqualTo(Action.BECAME_PRIMARY);
        assertThat(lease.holder()).isEqualTo(A);
        assertThat(lease.renewal(T + 1_100, URL)).isEqualTo(GatewayStatus.primary(A, T + 1_100, URL, T + 1_000));
    }

    @Test
    void theHolderRenewsEveryHeartbeatOverItsOwnRevision() {
        StoredLease lease = primaryAt(1, T);
        assertThat(lease.tick(T + 1_500)).isEqualTo(Action.NOTHING);
        assertThat(lease.tick(T + 2_000)).isEqualTo(Action.WRITE);
        StoredLease.Write renewal = lease.write(T + 2_000, URL);
        assertThat(renewal.expectedRevision()).isEqualTo(1);
        assertThat(renewal.value().since()).as("since the lease was taken").isEqualTo(T);
        assertThat(lease.tick(T + 2_500)).as("one write out at a time").isEqualTo(Action.NOTHING);
        assertThat(lease.written(renewal, 2, T + 2_600)).isEqualTo(Action.RENEW);
        assertThat(lease.releaseRevision()).isEqualTo(2);
    }

    @Test
    void aHolderWhoseRenewalsTheStoreDoesNotTakeStepsDownBeforeTheStandbyMayTakeOver() {
        StoredLease lease = primaryAt(1, T);
        StoredLease.Write renewal = writeAt(lease, T + 2_000);
        lease.writeFailed(renewal);
        assertThat(lease.tick(T + 3_500)).as("still within its hold").isNotEqualTo(Action.BECAME_STANDBY);
        assertThat(lease.isPrimary()).isTrue();
        assertThat(lease.tick(T + TIMING.holdMs())).isEqualTo(Action.BECAME_STANDBY);
        assertThat(lease.steppedDownBecause()).contains("no renewal");
        assertThat(TIMING.holdMs() + TIMING.checkMs()).as("stepped down, a check late, before the timeout")
                .isLessThan(TIMING.timeoutMs());
    }

    @Test
    void aRenewalTheStoreTookTooLateToCountDoesNotMakeItPrimaryAgainButItsOwnRecordIsTakenBackOverItsRevision() {
        StoredLease lease = primaryAt(1, T);
        StoredLease.Write renewal = writeAt(lease, T + 2_000);
        lease.tick(T + 5_000);
        assertThat(lease.isPrimary()).isFalse();
        assertThat(lease.written(renewal, 2, T + 6_000)).isEqualTo(Action.NOTHING);
        assertThat(lease.isPrimary()).isFalse();
        assertThat(lease.tick(T + 6_500)).isEqualTo(Action.WRITE);
        assertThat(lease.takeover()).isEqualTo(LeaseRule.Takeover.LEASE_OWN);
        assertThat(lease.write(T + 6_500, URL).expectedRevision()).isEqualTo(2);
    }

    @Test
    void aStandbyTakesOverOnlyOnceTheSameRevisionHasStoodForTheTimeoutSinceItFirstReadIt() {
        StoredLease lease = new StoredLease(B, TIMING);
        lease.subscribed(T);
        lease.read(7, GatewayStatus.primary(A, T, URL, T), T + 100);
        assertThat(lease.holder()).isEqualTo(A);
        assertThat(lease.holderUrl()).isEqualTo(URL);
        assertThat(lease.tick(T + 500)).isEqualTo(Action.READ);
        lease.read(8, GatewayStatus.primary(A, T + 2_000, URL, T), T + 2_100);
        assertThat(lease.tick(T + 8_000)).as("revision 8 first read at T + 2,100").isEqualTo(Action.READ);
        lease.read(8, GatewayStatus.primary(A, T + 2_000, URL, T), T + 8_050);
        assertThat(lease.tick(T + 8_100)).isEqualTo(Action.WRITE);
        assertThat(lease.takeover()).isEqualTo(LeaseRule.Takeover.LEASE_UNRENEWED);
        StoredLease.Write take = lease.write(T + 8_100, "http://b:8080/");
        assertThat(take.expectedRevision()).isEqualTo(8);
        assertThat(lease.conflicted(take)).as("A renewed after all").isEqualTo(Action.CLAIM_WITHDRAWN);
        assertThat(lease.isPrimary()).isFalse();
        assertThat(lease.tick(T + 8_500)).as("reads again before anything else").isEqualTo(Action.READ);
    }

    @Test
    void aPrimaryWhoseRenewalMeetsAnotherRevisionStepsDownAtOnce() {
        StoredLease lease = primaryAt(1, T);
        StoredLease.Write renewal = writeAt(lease, T + 2_000);
        assertThat(lease.conflicted(renewal)).isEqualTo(Action.BECAME_STANDBY);
        assertThat(lease.steppedDownBecause()).contains("another gateway");
    }

    @Test
    void aPrimaryKeepsTheLeaseThroughALinkDropItRecoversFromWithinItsHoldButRenewsOnlyWithItsLinkUp() {
        StoredLease lease = primaryAt(3, T);
        assertThat(lease.linkLost()).isEqualTo(Action.NOTHING);
        assertThat(lease.isPrimary()).isTrue();
        assertThat(lease.tick(T + 2_000)).as("no renewal while the link is down").isEqualTo(Action.NOTHING);
        assertThat(lease.subscribed(T + 2_500)).as("says again who it is").isEqualTo(Action.RENEW);
        assertThat(lease.tick(T + 3_000)).isEqualTo(Action.WRITE);
        assertThat(lease.write(T + 3_000, URL).expectedRevision()).isEqualTo(3);
    }

    @Test
    void aPrimaryWhoseLinkStaysDownPastItsHoldReleasesTheLeaseAndTakesNothingUntilSubscribedAgain() {
        StoredLease lease = primaryAt(3, T);
        lease.linkLost();
        assertThat(lease.tick(T + TIMING.holdMs())).isEqualTo(Action.RELEASE);
        assertThat(lease.steppedDownBecause()).contains("link");
        assertThat(lease.releaseRevision()).isEqualTo(3);
        assertThat(lease.isPrimary()).isFalse();
        assertThat(lease.tick(T + 60_000)).isEqualTo(Action.NOTHING);
    }

    @Test
    void aTakeTheStoreAnswersAfterTheLinkDroppedIsReleasedNotHeld() {
        StoredLease lease = new StoredLease(A, TIMING);
        StoredLease.Write take = takingAFreeLease(lease, 0, T);
        lease.linkLost();
        assertThat(lease.written(take, 1, T + 600)).isEqualTo(Action.RELEASE);
        assertThat(lease.isPrimary()).isFalse();
        assertThat(lease.releaseRevision()).isEqualTo(1);
    }

    @Test
    void aReadAnswerThatComesWhileTheGatewayWritesOrHoldsTheLeaseIsLeftUnread() {
        StoredLease lease = new StoredLease(A, TIMING);
        StoredLease.Write take = takingAFreeLease(lease, 4, T);
        lease.subscribed(T + 600); // a reconnect reads again while the take is out
        assertThat(lease.read(4, null, T + 650)).isEqualTo(Action.NOTHING);
        assertThat(lease.written(take, 5, T + 700)).isEqualTo(Action.BECAME_PRIMARY);
        lease.read(4, null, T + 800);
        assertThat(lease.tick(T + 2_500)).isEqualTo(Action.WRITE);
        assertThat(lease.write(T + 2_500, URL).expectedRevision()).as("its own revision, not the stale one").isEqualTo(5);
    }

    @Test
    void aPrimaryRenewsItsStatusOverAStrayOneOnTheTopicAndAStandbyIgnoresTheTopic() {
        StoredLease primary = primaryAt(1, T);
        assertThat(primary.heard(GatewayStatus.offline(B, T), T)).isEqualTo(Action.RENEW);
        assertThat(primary.heard(GatewayStatus.primary(A, T, URL, T), T)).isEqualTo(Action.NOTHING);
        StoredLease standby = new StoredLease(B, TIMING);
        standby.subscribed(T);
        assertThat(standby.heard(GatewayStatus.offline(A, T), T)).isEqualTo(Action.NOTHING);
    }

    @Test
    void aStoppingPrimaryResignsAndTakesNothingMore() {
        StoredLease lease = primaryAt(1, T);
        assertThat(lease.resign()).isTrue();
        assertThat(lease.tick(T + 10_000)).isEqualTo(Action.NOTHING);
        assertThat(lease.subscribed(T + 10_000)).isEqualTo(Action.NOTHING);
    }

    /**
     * Two gateways on a store whose answers come late, never or out of turn, links that drop, and a gateway that
     * dies: at no moment are both primary, and with a store that answers, a floor whose primary died has a primary
     * again within the takeover bound.
     */
    @Property(tries = 300)
    void neverTwoPrimariesWhateverTheStoreAndLinksDo(@ForAll @LongRange(min = 1) long seed) {
        FloorSimulation floor = new FloorSimulation(seed, TIMING);
        floor.run(180_000);
        assertThat(floor.twoPrimaries()).as(floor.trace()).isEmpty();
    }

    @Property(tries = 100)
    void theStandbyIsPrimaryWithinTenSecondsOfThePrimarysDeathOnAStoreThatAnswers(
            @ForAll @LongRange(min = 1) long seed) {
        FloorSimulation floor = FloorSimulation.calm(seed, TIMING);
        floor.run(30_000);
        String dead = floor.primary();
        assertThat(dead).as("a calm floor has a primary").isNotNull();
        floor.kill(dead);
        long diedAt = floor.now();
        floor.runUntilPrimaryOtherThan(dead, 60_000);
        assertThat(floor.now() - diedAt).as(floor.trace()).isLessThanOrEqualTo(10_000);
    }

    private static StoredLease primaryAt(long revision, long now) {
        StoredLease lease = new StoredLease(A, TIMING);
        StoredLease.Write take = takingAFreeLease(lease, revision - 1, now);
        assertThat(lease.written(take, revision, now)).isEqualTo(Action.BECAME_PRIMARY);
        return lease;
    }

    /** A standby that, at {@code now}, subscribed, read a free record at {@code revision} and sent its take. */
    private static StoredLease.Write takingAFreeLease(StoredLease lease, long revision, long now) {
        lease.subscribed(now);
        lease.read(revision, null, now);
        assertThat(lease.tick(now)).isEqualTo(Action.WRITE);
        return lease.write(now, URL);
    }

    private static StoredLease.Write writeAt(StoredLease lease, long now) {
        assertThat(lease.tick(now)).isEqualTo(Action.WRITE);
        return lease.write(now, URL);
    }
}
