package dev.seatlink.gateway.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RollCallTest {
    private final RollCall roll = new RollCall();
    private final List<String> seats = IntStream.rangeClosed(1, 2_000).mapToObj(i -> "s-" + i).toList();

    @Test
    void seatsAreAskedAtTheRateNotAllAtOnce() {
        roll.start(seats, 0);
        assertThat(roll.due(100)).hasSize(RollCall.PER_SECOND / 10).startsWith("s-1", "s-2");
        assertThat(roll.due(1_100)).hasSize(RollCall.PER_SECOND);
        assertThat(roll.open()).isEqualTo(2_000);
        assertThat(roll.due(100_000)).hasSize(RollCall.MAX_UNANSWERED - RollCall.PER_SECOND / 10 - RollCall.PER_SECOND);
    }

    @Test
    void atMostAThousandAreAskedAndUnansweredSoASlowClusterGetsAsksAsFastAsItAnswers() {
        roll.start(seats, 0);
        List<String> asked = roll.due(10_000);
        assertThat(asked).hasSize(RollCall.MAX_UNANSWERED);
        assertThat(roll.due(20_000)).as("nobody answered yet").isEmpty();

        asked.subList(0, 300).forEach(roll::heard);

        assertThat(roll.due(21_000)).hasSize(300);
        assertThat(roll.open()).isEqualTo(2_000 - 300);
    }

    @Test
    void aSeatThatDoesNotAnswerInTimeIsGivenUpAndAskedAgainWhenItSpeaks() {
        roll.start(List.of("s-1", "s-2", "s-3"), 0);
        assertThat(roll.due(1_000)).containsExactly("s-1", "s-2", "s-3");
        assertThat(roll.heard("s-2")).as("answered in time").isFalse();
        assertThat(roll.overdue(1_000 + RollCall.ANSWER_WITHIN_MS)).isEmpty();
        assertThat(roll.overdue(1_001 + RollCall.ANSWER_WITHIN_MS)).containsExactly("s-1", "s-3");
        assertThat(roll.open()).isZero();
        assertThat(roll.spoke("s-3")).as("shown offline, it spoke: ask for its status").isTrue();
        assertThat(roll.spoke("s-3")).isFalse();
    }

    @Test
    void somethingOtherThanAStatusIsNoAnswer() {
        roll.start(List.of("s-1"), 0);
        roll.due(1_000);
        assertThat(roll.spoke("s-1")).as("a late event: maybe sent before the seat died").isFalse();
        assertThat(roll.overdue(1_001 + RollCall.ANSWER_WITHIN_MS)).containsExactly("s-1");
    }

    @Test
    void aSeatHeardBeforeItsTurnIsNotAsked() {
        roll.start(List.of("s-1", "s-2"), 0);
        roll.heard("s-1");
        assertThat(roll.due(10_000)).containsExactly("s-2");
    }

    @Test
    void anotherRollCallAsksAgainWhoAnsweredAndKeepsTheDeadlinesOfWhoDidNot() {
        roll.start(List.of("s-1", "s-2"), 0);
        roll.due(1_000);
        roll.heard("s-1");
        roll.start(List.of("s-1", "s-2", "s-3"), 2_000);
        assertThat(roll.due(3_000)).containsExactly("s-1", "s-3");
        assertThat(roll.overdue(1_001 + RollCall.ANSWER_WITHIN_MS)).containsExactly("s-2");
    }
}
