package dev.seatlink.gateway.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueMembershipTest {
    private static final String MEMBER = "PJSIP/1001";
    private final QueueMembership membership = new QueueMembership();

    private java.util.List<QueueMembership.Change> due(boolean in, long now) {
        return membership.due(Map.of("s-1", new QueueMembership.Want(MEMBER, in)), now);
    }

    @Test
    void signingOutTakesTheMemberOutOfEveryQueueAndSigningInPutsItBackInTheSame() {
        membership.reconciled(Map.of(MEMBER, Set.of("support", "sales")));

        assertThat(due(false, 0)).containsExactly(new QueueMembership.Change("s-1", MEMBER, false,
                new java.util.TreeSet<>(Set.of("sales", "support"))));
        assertThat(due(false, 1_000)).as("asked, not yet reported").isEmpty();
        assertThat(membership.outOfStep()).containsEntry("s-1", 0L);
        membership.left(MEMBER, "support");
        membership.left(MEMBER, "sales");
        assertThat(due(false, 2_000)).isEmpty();
        assertThat(membership.outOfStep()).isEmpty();

        assertThat(due(true, 3_000)).singleElement().satisfies(change -> {
            assertThat(change.add()).isTrue();
            assertThat(change.queues()).containsExactly("sales", "support");
        });
        membership.joined(MEMBER, "support");
        assertThat(due(true, 4_000)).as("one still missing, asked again after 3 s").isEmpty();
        assertThat(due(true, 6_000)).singleElement().satisfies(change -> assertThat(change.queues())
                .containsExactly("sales"));
        membership.joined(MEMBER, "sales");
        assertThat(due(true, 7_000)).isEmpty();
        assertThat(membership.outOfStep()).isEmpty();
    }

    @Test
    void aMemberSeatLinkNeverTookOutIsLeftAsItIsAndTheQueuesToRestoreOutliveALinkDrop() {
        membership.reconciled(Map.of());
        assertThat(due(true, 0)).as("never removed by SeatLink").isEmpty();

        membership.reconciled(Map.of(MEMBER, Set.of("support")));
        due(false, 0);
        membership.forget(); // the link dropped; Asterisk restarted and lost nothing of its own
        membership.reconciled(Map.of());

        assertThat(due(true, 10_000)).singleElement().satisfies(change -> assertThat(change.queues())
                .containsExactly("support"));
    }

    @Test
    void aMemberSeatLinkTookOutCountsAsTakenOutUntilItIsBackInEveryQueue() {
        membership.reconciled(Map.of(MEMBER, Set.of("support", "sales")));
        assertThat(membership.tookOut(MEMBER)).isFalse();

        due(false, 0);
        membership.left(MEMBER, "support");
        membership.left(MEMBER, "sales"); // the ACD's echo: the agent left every queue, as SeatLink asked
        assertThat(membership.tookOut(MEMBER)).isTrue();

        due(true, 1_000); // signed in again: put back
        assertThat(membership.tookOut(MEMBER)).as("a late echo of the removal still comes from SeatLink").isTrue();
        membership.joined(MEMBER, "support");
        membership.joined(MEMBER, "sales");
        due(true, 2_000);
        assertThat(membership.tookOut(MEMBER)).as("back in: a later removal is the PBX's").isFalse();
    }
}
