package dev.seatlink.gateway.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReordererTest {
    private static final long T = 1_763_900_000_000L;
    private final Reorderer reorderer = new Reorderer(2_000);
    private final Map<String, Long> applied = new HashMap<>();

    private static SeatEvent event(String seat, long seq) {
        return new SeatEvent(seat, null, AgentState.READY, AgentState.BUSY, null, false, T, seq, "b", Cause.BUTTON);
    }

    /** Offers an event and "applies" what comes out, as the floor would. */
    private List<Long> offer(String seat, long seq, long now) {
        List<SeatEvent> ready = reorderer.offer(event(seat, seq), applied.getOrDefault(seat, 0L), now);
        ready.forEach(e -> applied.merge(seat, e.seq(), Math::max));
        return ready.stream().map(SeatEvent::seq).toList();
    }

    private Reorderer.Tick tick(long now) {
        Reorderer.Tick tick = reorderer.tick(now, seat -> applied.getOrDefault(seat, 0L));
        tick.released().forEach(e -> applied.merge(e.seat(), e.seq(), Math::max));
        return tick;
    }

    @Test
    void inOrderEventsPassStraightThrough() {
        assertThat(offer("s-1", 1, T)).containsExactly(1L);
        assertThat(offer("s-1", 2, T)).containsExactly(2L);
    }

    @Test
    void anEventAfterAGapWaitsAndIsReleasedWhenTheGapFills() {
        offer("s-1", 1, T);
        offer("s-1", 2, T);

        assertThat(offer("s-1", 4, T)).isEmpty();
        assertThat(offer("s-1", 5, T)).isEmpty();
        assertThat(offer("s-1", 3, T + 1_500)).containsExactly(3L, 4L, 5L);

        assertThat(tick(T + 10_000).requests()).isEmpty();
        assertThat(reorderer.gapsOpened()).isEqualTo(1);
        assertThat(reorderer.gapsFilled()).isEqualTo(1);
    }

    @Test
    void noReplayIsAskedWhenTheMissingEventComesWithinTheTimeout() {
        offer("s-1", 1, T);
        offer("s-1", 2, T);
        offer("s-1", 4, T);

        assertThat(tick(T + 1_999).requests()).isEmpty();
        offer("s-1", 3, T + 1_999);
        assertThat(tick(T + 2_500).requests()).isEmpty();
    }

    @Test
    void aGapStillOpenAfterTheTimeoutAsksForReplayThenRebirthThenGivesUp() {
        offer("s-1", 1, T);
        offer("s-1", 2, T);
        offer("s-1", 4, T);

        assertThat(tick(T + 2_000).requests()).containsExactly(new Reorderer.Replay("s-1", 3, 3));
        assertThat(tick(T + 3_000).requests()).isEmpty();
        assertThat(tick(T + 4_000).requests()).containsExactly(new Reorderer.Rebirth("s-1"));
        Reorderer.Tick last = tick(T + 6_000);

        assertThat(last.released()).extracting(SeatEvent::seq).containsExactly(4L);
        assertThat(reorderer.openGaps()).isZero();
    }

    @Test
    void whileReplaysComeBackSlowerThanTheTimeoutTheRebirthIsSkippedAndTheTimelineKept() {
        offer("busy", 1, T);
        offer("busy", 3, T);
        assertThat(tick(T + 2_000).requests()).containsExactly(new Reorderer.Replay("busy", 2, 2));
        assertThat(tick(T + 4_000).requests()).as("the round trip is not known slow yet")
                .containsExactly(new Reorderer.Rebirth("busy"));
        offer("busy", 2, T + 5_000); // filled 3 s after its replay was asked, on a busy cluster

        offer("s-1", 1, T);
        offer("s-1", 3, T);

        assertThat(tick(T + 2_000).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 2));
        assertThat(tick(T + 4_000).requests()).as("the replay is likely still on its way").isEmpty();
        assertThat(tick(T + 6_000).released()).extracting(SeatEvent::seq).containsExactly(3L);
    }

    @Test
    void whileReplaysComeBackSlowlyEventsGivenUpOnAreAskedForAgainOnlyAfterTwiceTheirRoundTrip() {
        whileReplaysComeBackSlowerThanTheTimeoutTheRebirthIsSkippedAndTheTimelineKept(); // 3 s, s-1's 2 given up

        assertThat(tick(T + 6_000 + 6_000 - 1).requests()).as("the first chase of a 4 s one").isEmpty();
        assertThat(tick(T + 6_000 + 6_000).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 2));
    }

    @Test
    void onceReplaysComeBackQuicklyAgainTheRebirthIsAskedAgain() {
        whileReplaysComeBackSlowerThanTheTimeoutTheRebirthIsSkippedAndTheTimelineKept();
        for (int i = 0; i < 16; i++) { // gaps filled 500 ms after their replay
            String seat = "quick-" + i;
            offer(seat, 1, T);
            offer(seat, 3, T);
            tick(T + 2_000);
            offer(seat, 2, T + 2_500);
        }
        offer("s-2", 1, T);
        offer("s-2", 3, T);
        tick(T + 2_000);

        assertThat(tick(T + 4_000).requests()).containsExactly(new Reorderer.Rebirth("s-2"));
    }

    /** Gives up on s-1's events 2..4 at T + 6 s: 5 is applied, 2..4 are chased for the store. */
    private void giveUpOnTwoToFour() {
        offer("s-1", 1, T);
        offer("s-1", 5, T);
        tick(T + 2_000);
        tick(T + 4_000);
        tick(T + 6_000);
    }

    @Test
    void eventsGivenUpOnAreStillAskedForSixTimesAtDoublingIntervalsForTheStore() {
        giveUpOnTwoToFour();

        assertThat(tick(T + 6_000 + Reorderer.CHASE_FIRST_MS - 1).requests()).isEmpty();
        long at = T + 6_000;
        long wait = Reorderer.CHASE_FIRST_MS;
        for (int ask = 1; ask <= Reorderer.CHASES; ask++) {
            at += wait;
            assertThat(tick(at - 1).requests()).as("before ask %d", ask).isEmpty();
            assertThat(tick(at).requests()).as("ask %d", ask).containsExactly(new Reorderer.Replay("s-1", 2, 4));
            wait *= 2;
        }
        assertThat(tick(T + 100_000_000).requests()).as("six times at most").isEmpty();
    }

    @Test
    void aChaseEndsWhenTheMissingEventsArrive() {
        giveUpOnTwoToFour();
        assertThat(tick(T + 14_000).requests()).hasSize(1);

        assertThat(offer("s-1", 2, T + 15_000)).as("late: the floor drops it, the store keeps it").containsExactly(2L);
        offer("s-1", 3, T + 15_000);
        offer("s-1", 4, T + 15_000);

        assertThat(tick(T + 100_000_000).requests()).isEmpty();
    }

    @Test
    void aChaseGoesOnFromTheFirstEventStillMissing() {
        giveUpOnTwoToFour();

        offer("s-1", 3, T + 7_000); // a redelivery of one in the middle says nothing of 2 and 4
        assertThat(tick(T + 14_000).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 2),
                new Reorderer.Replay("s-1", 4, 4));
        offer("s-1", 2, T + 15_000); // the replay's first event, then the link dropped

        assertThat(tick(T + 30_000).requests()).containsExactly(new Reorderer.Replay("s-1", 4, 4));
    }

    @Test
    void aNewerHoleIsChasedOnItsOwnAndLeavesTheOlderOnesBackoffAlone() {
        giveUpOnTwoToFour(); // hole 2..4, asked at T + 10 s, T + 18 s, then T + 34 s
        assertThat(tick(T + 10_000).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 4));
        assertThat(tick(T + 18_000).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 4));
        offer("s-1", 6, T + 20_000); // follows 5; then 7 and 8 are lost: a new hole
        offer("s-1", 9, T + 20_000);
        long ask = T + 22_000;
        assertThat(tick(ask).requests()).as("the new gap's own ask: only what it lacks")
                .containsExactly(new Reorderer.Replay("s-1", 7, 8));
        tick(ask + 2_000);
        tick(ask + 4_000); // given up: 9 applied, 7..8 chased

        assertThat(tick(ask + 4_000 + Reorderer.CHASE_FIRST_MS).requests())
                .containsExactly(new Reorderer.Replay("s-1", 7, 8));
        assertThat(tick(T + 33_999).requests()).as("the older hole's next ask did not move").isEmpty();
        assertThat(tick(T + 34_000).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 4));
    }

    @Test
    void aSeatKeepsAtMostSixteenHolesTheOldestJoined() {
        long seq = 1;
        long at = T;
        offer("s-1", seq, at);
        for (int hole = 0; hole < Reorderer.HOLES + 2; hole++) { // every other event lost, each gap given up
            seq += 2;
            offer("s-1", seq, at);
            at += 2_000;
            tick(at);
            tick(at + 2_000);
            tick(at + 4_000);
            at += 4_000;
        }

        List<Reorderer.Request> asks = reorderer.tick(at + 1_000_000, s -> applied.getOrDefault(s, 0L)).requests();
        assertThat(asks).hasSize(Reorderer.HOLES);
        assertThat(asks.get(0)).as("holes 2, 4 and 6 as one").isEqualTo(new Reorderer.Replay("s-1", 2, 6));
    }

    @Test
    void whenTheLinkComesBackEveryChaseAsksAgainAtOnceWithItsFullCountOfAsks() {
        giveUpOnTwoToFour();
        long at = T + 6_000;
        for (int ask = 0; ask < Reorderer.CHASES - 1; ask++) { // all but the last ask sent into a dead link
            at += Reorderer.CHASE_FIRST_MS << ask;
            assertThat(tick(at).requests()).hasSize(1);
        }

        reorderer.chaseAgain(at + 1_000);

        assertThat(tick(at + 1_000).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 4));
        long next = at + 1_000;
        for (int ask = 1; ask < Reorderer.CHASES; ask++) {
            next += Reorderer.CHASE_FIRST_MS << ask;
            assertThat(tick(next).requests()).as("ask %d after the link came back", ask).hasSize(1);
        }
        assertThat(tick(T + 100_000_000).requests()).isEmpty();
    }

    @Test
    void aSeatThatComesBackIsAskedAgainAtOnceAndOnlyThatSeat() {
        giveUpOnTwoToFour();
        offer("s-2", 1, T);
        offer("s-2", 3, T);
        tick(T + 2_000);
        tick(T + 4_000);
        tick(T + 6_000); // s-2's hole 2..2 is chased as well
        long at = T + 6_000 + Reorderer.CHASE_FIRST_MS;
        assertThat(tick(at).requests()).hasSize(2); // both asked while the seats were away: missed

        reorderer.chaseAgain("s-1", at + 1_000);

        assertThat(tick(at + 1_000).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 4));
        reorderer.chaseAgain("s-3", at + 1_000); // no holes: nothing to ask
        assertThat(tick(at + 1_001).requests()).isEmpty();
    }

    @Test
    void aSeatThatComesBackWhileItsGapsReplayIsOutIsAskedAgainAtTheNextTickAndItsGapWaitsAsBefore() {
        offer("s-1", 1, T);
        offer("s-1", 4, T);
        assertThat(tick(T + 2_000).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 3));

        reorderer.chaseAgain("s-1", T + 2_500); // it was away: the ask (QoS 0) never reached it

        assertThat(tick(T + 2_600).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 3));
        assertThat(tick(T + 2_700).requests()).as("once").isEmpty();
        assertThat(tick(T + 4_000).requests()).as("the gap's rebirth, on its own timer")
                .containsExactly(new Reorderer.Rebirth("s-1"));
    }

    @Test
    void aSeatThatComesBackBeforeItsGapsFirstAskIsAskedOnlyWhenTheTimeoutEnds() {
        offer("s-1", 1, T);
        offer("s-1", 4, T);

        reorderer.chaseAgain("s-1", T + 500);

        assertThat(tick(T + 600).requests()).isEmpty();
        assertThat(tick(T + 2_000).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 3));
    }

    @Test
    void whenTheLinkComesBackEveryGapWhoseReplayIsOutAsksAgain() {
        offer("s-1", 1, T);
        offer("s-1", 4, T);
        offer("s-2", 1, T);
        offer("s-2", 3, T);
        tick(T + 2_000); // both asked while the link was down: never left
        offer("s-3", 1, T + 2_100);
        offer("s-3", 5, T + 2_100); // opened since: not yet asked

        reorderer.chaseAgain(T + 2_500);

        assertThat(tick(T + 2_600).requests()).containsExactlyInAnyOrder(new Reorderer.Replay("s-1", 2, 3),
                new Reorderer.Replay("s-2", 2, 2));
    }

    @Test
    void aSnapshotAheadOfTheEventsIsAGapThatReplayFills() {
        offer("s-1", 1, T);
        reorderer.expect("s-1", 3, applied.get("s-1"), T);

        assertThat(tick(T + 2_000).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 3));
        offer("s-1", 2, T + 2_100);
        assertThat(offer("s-1", 3, T + 2_200)).containsExactly(3L);

        assertThat(reorderer.openGaps()).isZero();
        assertThat(reorderer.gapsFilled()).isEqualTo(1);
    }

    @Test
    void theReplayAsksForTheMissingEventsOnlyUpToTheSnapshotWhenItIsAheadOfTheHeldOnes() {
        offer("s-1", 1, T);
        offer("s-1", 4, T);
        reorderer.expect("s-1", 6, applied.get("s-1"), T);

        assertThat(tick(T + 2_000).requests()).as("2, 3 before the held 4; 5, 6 after it")
                .containsExactly(new Reorderer.Replay("s-1", 2, 6));
    }

    @Test
    void aSnapshotThatTheEventsAlreadyReachedIsNoGap() {
        offer("s-1", 1, T);
        offer("s-1", 2, T);

        reorderer.expect("s-1", 2, applied.get("s-1"), T);

        assertThat(reorderer.openGaps()).isZero();
    }

    @Test
    void aSeatsHistoryStartsAtOneSoAFirstEventBeyondItIsAGap() {
        assertThat(offer("s-2", 3, T)).isEmpty();

        assertThat(tick(T + 2_000).requests()).containsExactly(new Reorderer.Replay("s-2", 1, 2));
    }

    @Test
    void duplicatesPassThroughForTheFloorToDrop() {
        offer("s-1", 1, T);

        assertThat(offer("s-1", 1, T)).containsExactly(1L);
    }

    @Test
    void seatsHaveTheirOwnGaps() {
        offer("s-1", 1, T);
        offer("s-2", 1, T);
        offer("s-1", 3, T);

        assertThat(offer("s-2", 2, T)).containsExactly(2L);
        assertThat(tick(T + 2_000).requests()).containsExactly(new Reorderer.Replay("s-1", 2, 2));
    }

    @Test
    void theLargestPossibleLastAppliedSeqNeitherWrapsAroundNorBreaksTheTick() {
        applied.put("s-1", Long.MAX_VALUE); // an old store poisoned before seqs were bounded
        offer("s-2", 1, T);
        offer("s-2", 3, T);

        assertThat(offer("s-1", 5, T)).containsExactly(5L);
        Reorderer.Tick later = tick(T + 2_000);

        assertThat(later.requests()).containsExactly(new Reorderer.Replay("s-2", 2, 2));
        assertThat(Reorderer.after(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }
}
