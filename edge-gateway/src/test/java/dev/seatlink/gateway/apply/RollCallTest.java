package dev.seatlink.gateway.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RollCallTest {
    private final RollCall roll = new RollCall();
    private final List<String> seats = IntStream.rangeClosed(1, 2_000).mapToObj(i -> "s-" + i).toList();

    private static List<String> seatsOf(List<RollCall.Ask> asks) {
        return asks.stream().map(RollCall.Ask::seat).toList();
    }

    private void answer(RollCall.Ask ask) {
        roll.answered(ask.seat(), ask.commandId());
    }

    @Test
    void seatsAreAskedAtTheRateNotAllAtOnce() {
        roll.start(seats, 0);
        assertThat(seatsOf(roll.due(100))).hasSize(RollCall.PER_SECOND / 10).startsWith("s-1", "s-2");
        assertThat(roll.due(1_100)).hasSize(RollCall.PER_SECOND);
        assertThat(roll.open()).isEqualTo(2_000);
        assertThat(roll.due(100_000)).hasSize(RollCall.MAX_UNANSWERED - RollCall.PER_SECOND / 10 - RollCall.PER_SECOND);
    }

    @Test
    void atMostAThousandAreAskedAndUnansweredSoASlowClusterGetsAsksAsFastAsItAnswers() {
        roll.start(seats, 0);
        List<RollCall.Ask> asked = roll.due(10_000);
        assertThat(asked).hasSize(RollCall.MAX_UNANSWERED);
        assertThat(roll.due(20_000)).as("nobody answered yet").isEmpty();

        asked.subList(0, 300).forEach(this::answer);

        assertThat(roll.due(21_000)).hasSize(300);
        assertThat(roll.open()).isEqualTo(2_000 - 300);
    }

    @Test
    void thePartnerTellsAnswersToARollCallFromAnswersToAJoinOfItsOwn() {
        RollCall partner = new RollCall();
        roll.start(List.of("s-1"), 0);
        String rollCallsAsk = roll.due(1_000).get(0).commandId();
        roll.answered("s-1", rollCallsAsk);
        roll.join(List.of("s-1"), 2_000);
        RollCall.Ask joinsAsk = roll.due(3_000).get(0);

        assertThat(partner.isOthersAsk(rollCallsAsk)).as("a roll call of its partner's: joined").isTrue();
        assertThat(partner.isOthersAsk(joinsAsk.commandId())).as("a join: not joined in turn").isFalse();
        assertThat(roll.isOthersAsk(rollCallsAsk)).as("its own").isFalse();
        assertThat(roll.answered("s-1", joinsAsk.commandId())).isFalse();
        assertThat(roll.open()).as("the join's ask answered").isZero();
    }

    @Test
    void eachOfThePartnersRollCallsIsJoinedOnceHoweverSoonItFollowsTheLast() {
        RollCall partner = new RollCall();
        partner.start(List.of("s-1", "s-2"), 0);
        List<RollCall.Ask> first = partner.due(1_000);
        partner.startAfterLinkLoss(List.of("s-1", "s-2"), 2_000, false); // its link came back: a node died
        List<RollCall.Ask> second = partner.due(3_000);

        assertThat(roll.joinsPartnersCall(first.get(0).commandId(), 60_000, 1_000)).isTrue();
        assertThat(roll.joinsPartnersCall(first.get(1).commandId(), 60_000, 1_001)).as("the same roll call").isFalse();
        assertThat(roll.joinsPartnersCall(second.get(0).commandId(), 60_000, 3_000)).as("a new one").isTrue();
        assertThat(roll.joinsPartnersCall(second.get(1).commandId(), 60_000, 3_001)).isFalse();
        assertThat(roll.joinsPartnersCall("cmd-1", 60_000, 3_002)).as("no roll call's ask").isFalse();
    }

    @Test
    void answersToThePartnersLastTwoRollCallsComingInTurnJoinEachOnceAndALateAnswerToAnEarlierOneNothing() {
        RollCall partner = new RollCall();
        partner.start(List.of("s-1", "s-2"), 0);
        List<RollCall.Ask> first = partner.due(1_000);
        partner.startAfterLinkLoss(List.of("s-1", "s-2"), 2_000, false);
        List<RollCall.Ask> second = partner.due(3_000);

        assertThat(roll.joinsPartnersCall(first.get(0).commandId(), 60_000, 3_100)).isTrue();
        assertThat(roll.joinsPartnersCall(second.get(0).commandId(), 60_000, 3_200)).isTrue();
        assertThat(roll.joinsPartnersCall(first.get(1).commandId(), 60_000, 3_300)).as("late, to the first").isFalse();
        assertThat(roll.joinsPartnersCall(second.get(1).commandId(), 60_000, 3_400)).isFalse();

        RollCall restarted = new RollCall(); // the partner's next process counts its roll calls from 1 again
        restarted.start(List.of("s-1"), 4_000);
        assertThat(roll.joinsPartnersCall(restarted.due(5_000).get(0).commandId(), 60_000, 5_000)).isTrue();
    }

    @Test
    void anAskWhoseCallIsNoCountIsTakenForOneThatNamesNoRollCall() {
        assertThat(roll.joinsPartnersCall("rc-0badc0de-nine-1", 60_000, 0)).isTrue();
        roll.start(List.of("s-1"), 1_000);
        assertThat(roll.joinsPartnersCall("rc-0badc0de-n99999999999-1", 60_000, 2_000)).as("within the quiet")
                .isFalse();
    }

    @Test
    void anOlderPartnersAsksNameNoRollCallAndAreJoinedOnlyAfterTheQuiet() {
        String olderPartnersAsk = RollCall.ID_PREFIX + "0a1b2c3d-" + java.util.UUID.randomUUID();
        assertThat(roll.joinsPartnersCall(olderPartnersAsk, 60_000, 0)).isTrue();
        roll.join(List.of("s-1"), 0);

        assertThat(roll.joinsPartnersCall(olderPartnersAsk, 60_000, 59_999)).isFalse();
        assertThat(roll.joinsPartnersCall(olderPartnersAsk, 60_000, 60_000)).isTrue();
    }

    @Test
    void aSeatThatGreetsWhileItsAskIsUnansweredIsAskedAgainWithANewDeadline() {
        roll.start(List.of("s-1", "s-2"), 0);
        List<RollCall.Ask> first = roll.due(1_000);
        roll.greeted("s-1", 1_000);
        roll.greeted("s-3", 1_000); // not asked: nothing to ask again

        List<RollCall.Ask> again = roll.due(1_001);
        assertThat(seatsOf(again)).as("at the next step").containsExactly("s-1");
        assertThat(again.get(0).commandId()).isNotEqualTo(first.get(0).commandId());
        roll.greeted("s-1", 1_001);
        assertThat(roll.due(2_000)).as("asked again once, however often it greets").isEmpty();
        assertThat(roll.overdue(16_001)).as("s-1's deadline runs from its second ask").containsExactly("s-2");
        assertThat(roll.overdue(16_002)).containsExactly("s-1");
    }

    @Test
    void anAnswerToTheAskASeatDidNotHearStillCountsBeforeAndAfterItIsAskedAgain() {
        roll.start(List.of("s-1", "s-2"), 0);
        List<RollCall.Ask> first = roll.due(1_000);
        roll.greeted("s-1", 1_000);
        roll.greeted("s-2", 1_000);
        assertThat(roll.answered("s-1", first.get(0).commandId())).as("before the new ask goes").isFalse();
        assertThat(seatsOf(roll.due(1_100))).as("answered: not asked again").containsExactly("s-2");

        roll.answered("s-2", first.get(1).commandId()); // an older terminal's result after its plain status

        assertThat(roll.open()).isZero();
        assertThat(roll.overdue(60_000)).isEmpty();
    }

    @Test
    void onlyTheResultForThisVeryAskAnswersIt() {
        roll.start(List.of("s-1"), 0);
        RollCall.Ask ask = roll.due(1_000).get(0);

        assertThat(roll.answered("s-1", "a supervisor's command")).isFalse();
        assertThat(roll.answered("s-2", ask.commandId())).as("another seat's answer").isFalse();
        assertThat(roll.open()).isOne();
        assertThat(roll.answered("s-1", ask.commandId())).as("answered, never shown offline").isFalse();
        assertThat(roll.open()).isZero();
        assertThat(roll.overdue(100_000)).isEmpty();
    }

    @Test
    void aSeatThatDoesNotAnswerInTimeIsGivenUpAskedAgainWhenItSpeaksAndBackWhenItAnswers() {
        roll.start(List.of("s-1", "s-2", "s-3"), 0);
        List<RollCall.Ask> asks = roll.due(1_000);
        assertThat(seatsOf(asks)).containsExactly("s-1", "s-2", "s-3");
        answer(asks.get(1));
        assertThat(roll.overdue(1_000 + RollCall.ANSWER_WITHIN_MS)).isEmpty();
        assertThat(roll.overdue(1_001 + RollCall.ANSWER_WITHIN_MS)).containsExactly("s-1", "s-3");
        assertThat(roll.open()).isZero();
        assertThat(roll.gaveUp("s-3")).isTrue();

        roll.spoke("s-3"); // shown offline, it spoke: ask it again
        roll.spoke("s-3"); // asked once, however often it speaks
        List<RollCall.Ask> again = roll.due(20_000);
        assertThat(seatsOf(again)).containsExactly("s-3");
        assertThat(roll.answered("s-3", again.get(0).commandId())).as("alive again").isTrue();
        assertThat(roll.gaveUp("s-3")).isFalse();
        roll.spoke("s-3");
        assertThat(roll.due(30_000)).as("alive: speaking asks nothing").isEmpty();
    }

    @Test
    void aSeatAskedAgainThatStaysSilentIsNotReportedTwice() {
        roll.start(List.of("s-1"), 0);
        roll.due(1_000);
        assertThat(roll.overdue(1_001 + RollCall.ANSWER_WITHIN_MS)).containsExactly("s-1");
        roll.spoke("s-1"); // a late event from the dead seat
        roll.due(20_000);

        assertThat(roll.overdue(40_000)).as("shown offline already").isEmpty();
        assertThat(roll.gaveUp("s-1")).isTrue();
    }

    @Test
    void aLateAnswerToTheAskThatGaveTheSeatUpBringsItBack() {
        roll.start(List.of("s-1"), 0);
        RollCall.Ask ask = roll.due(1_000).get(0);
        roll.overdue(1_001 + RollCall.ANSWER_WITHIN_MS);

        assertThat(roll.answered("s-1", ask.commandId())).isTrue();
        assertThat(roll.gaveUp("s-1")).isFalse();
    }

    @Test
    void somethingOtherThanTheAnswerIsNoAnswer() {
        roll.start(List.of("s-1"), 0);
        roll.due(1_000);
        roll.spoke("s-1"); // a late event or status: maybe sent before the seat died
        assertThat(roll.open()).as("still waited for").isEqualTo(1);
        assertThat(roll.overdue(1_001 + RollCall.ANSWER_WITHIN_MS)).containsExactly("s-1");
    }

    @Test
    void aLastWillSettlesTheSeat() {
        roll.start(List.of("s-1", "s-2"), 0);
        roll.wentOffline("s-1");
        assertThat(seatsOf(roll.due(10_000))).containsExactly("s-2");
        roll.overdue(30_000);
        roll.wentOffline("s-2");
        assertThat(roll.gaveUp("s-2")).isFalse();
    }

    @Test
    void afterTheLinkCameBackSeatsAskedBeforeAreAskedAgainWithANewDeadline() {
        roll.start(List.of("s-1", "s-2"), 0);
        List<RollCall.Ask> lost = roll.due(1_000); // sent as the link went down
        roll.startAfterLinkLoss(List.of("s-1", "s-2"), 5_000, false);

        List<RollCall.Ask> again = roll.due(6_000);
        assertThat(seatsOf(again)).containsExactly("s-1", "s-2");
        assertThat(roll.overdue(1_001 + RollCall.ANSWER_WITHIN_MS)).as("the first deadlines are gone").isEmpty();
        assertThat(roll.answered("s-1", lost.get(0).commandId())).as("an answer to a lost ask is no answer now")
                .isFalse();
        answer(again.get(0));
        assertThat(roll.overdue(6_001 + RollCall.ANSWER_WITHIN_MS)).containsExactly("s-2");
    }

    @Test
    void anotherRollCallAsksAgainWhoAnsweredAndKeepsTheDeadlinesOfWhoDidNot() {
        roll.start(List.of("s-1", "s-2"), 0);
        answer(roll.due(1_000).get(0));
        roll.start(List.of("s-1", "s-2", "s-3"), 2_000);
        assertThat(seatsOf(roll.due(3_000))).containsExactly("s-1", "s-3");
        assertThat(roll.overdue(1_001 + RollCall.ANSWER_WITHIN_MS)).containsExactly("s-2");
    }

    @Test
    void aStandbysRollCallAsksNothingForItsHoldAndNotTheSeatsThePrimaryAskedMeanwhile() {
        List<String> floor = List.of("s-1", "s-2", "s-3");
        roll.start(floor, 0, true);
        assertThat(roll.due(1_000)).as("held: the primary asks first").isEmpty();
        roll.follow("s-1", "rc-partner1-n1-a", 1_200);
        roll.follow("s-2", "rc-partner1-n1-b", 1_300);

        assertThat(seatsOf(roll.due(RollCall.PARTNER_FIRST_MS + 1_000))).as("only the seat the primary did not ask")
                .containsExactly("s-3");
        roll.answered("s-1", "rc-partner1-n1-a");
        assertThat(roll.open()).as("s-1 answered the primary's ask; s-2 and s-3 wait").isEqualTo(2);
    }

    @Test
    void aFollowedAskNotAnsweredInTimeShowsTheSeatOfflineUntilItAnswersIt() {
        roll.follow("s-1", "rc-partner1-n1-a", 0); // no roll call here: the partner's alone

        assertThat(roll.due(1_000)).as("nothing of its own to ask").isEmpty();
        assertThat(roll.overdue(RollCall.ANSWER_WITHIN_MS)).isEmpty();
        assertThat(roll.overdue(RollCall.ANSWER_WITHIN_MS + 1)).containsExactly("s-1");
        assertThat(roll.gaveUp("s-1")).isTrue();
        assertThat(roll.answered("s-1", "rc-partner1-n1-a")).as("late, but alive: shown online again").isTrue();
        assertThat(roll.gaveUp("s-1")).isFalse();
    }

    @Test
    void answersToAFollowedCallJoinNothingAndAnswersToALaterUnheardCallJoinIt() {
        roll.follow("s-1", "rc-partner1-n3-a", 0);

        assertThat(roll.joinsPartnersCall("rc-partner1-n3-b", 60_000, 100)).as("its asks are followed here").isFalse();
        assertThat(roll.joinsPartnersCall("rc-partner1-n4-c", 60_000, 200)).as("a later call, its asks unheard")
                .isTrue();
    }

    @Test
    void anAskOfAnOlderPartnerThatNamesNoCallIsFollowedAndItsAnswersJoinNothing() {
        roll.follow("s-1", "rc-partner1-0f3a", 0);

        assertThat(roll.joinsPartnersCall("rc-partner1-9b2c", 60_000, 100)).isFalse();
        assertThat(roll.answered("s-1", "rc-partner1-0f3a")).isFalse();
        assertThat(roll.open()).as("answered").isZero();
    }

    @Test
    void aSeatWithAnAskOfItsOwnOutKeepsItAndOnlyOthersRollCallAsksAreFollowed() {
        roll.start(List.of("s-1"), 0);
        RollCall.Ask own = roll.due(1_000).get(0);
        roll.follow("s-1", "rc-partner1-n1-a", 1_100);
        roll.follow("s-2", "single-rebirth-1", 1_100); // a supervisor's, or a gateway's single ask: not a roll call
        roll.follow("s-3", own.commandId().replace(own.seat(), "x"), 1_100); // its own, heard back

        assertThat(roll.open()).as("s-1's own ask only").isEqualTo(1);
        roll.answered("s-1", "rc-partner1-n1-a");
        assertThat(roll.open()).as("an answer to the partner's ask is not the one waited for here").isEqualTo(1);
        roll.answered("s-1", own.commandId());
        assertThat(roll.open()).isZero();
    }

    @Test
    void aRollCallOfThePrimarysOwnEndsAStandbysHoldAtOnce() {
        roll.start(List.of("s-1", "s-2"), 0, true);
        roll.start(List.of("s-1", "s-2"), 500, false); // it took the lease: no primary to wait for

        assertThat(seatsOf(roll.due(1_000))).containsExactly("s-1", "s-2");
    }

    @Test
    void aSeatThatGreetsAfterAFollowedAskIsLeftToThePartnerToAskAgainAndAskedHereOnlyIfItDoesNot() {
        roll.follow("s-1", "rc-partner1-n1-a", 0);
        roll.follow("s-2", "rc-partner1-n1-b", 0);
        roll.greeted("s-1", 1_000); // both connected after the partner's asks, which they never heard
        roll.greeted("s-2", 1_000);

        assertThat(roll.due(1_500)).as("the partner, which asked, sees the greetings too").isEmpty();
        roll.follow("s-1", "rc-partner1-n1-c", 1_200); // and asks s-1 again
        assertThat(seatsOf(roll.due(1_000 + RollCall.PARTNER_FIRST_MS))).as("the one it did not ask again")
                .containsExactly("s-2");
        roll.answered("s-1", "rc-partner1-n1-c");
        assertThat(roll.open()).as("s-2's own ask waits").isEqualTo(1);
    }

    @Test
    void aPartnersCallWhoseAsksAreHeardIsJoinedEvenWhenEachSeatHasAnAskOfItsOwnOut() {
        roll.start(List.of("s-1"), 0);
        roll.due(1_000);

        assertThat(roll.follow("s-1", "rc-partner1-n2-a", 1_100)).as("its own ask out: kept").isFalse();
        assertThat(roll.joinsPartnersCall("rc-partner1-n2-a", 60_000, 1_200)).as("the call is heard here").isFalse();
    }
}
