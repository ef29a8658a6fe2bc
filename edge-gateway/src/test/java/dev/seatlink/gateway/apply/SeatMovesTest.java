package dev.seatlink.gateway.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeatMovesTest {
    private final SeatMoves moves = new SeatMoves();

    @Test
    void aFewSeatsReconnectingTogetherMeanANodeDiedAtMostOncePerRollCall() {
        assertThat(moves.moved(0, 30)).isFalse();
        assertThat(moves.moved(1_000, 30)).isFalse();
        assertThat(moves.moved(2_000, 30)).isTrue();
        for (long t = 3_000; t < 2_000 + RollCall.ANSWER_WITHIN_MS; t += 1_000) {
            assertThat(moves.moved(t, 30)).as("while the roll call's asks wait for answers: at %d ms", t).isFalse();
        }
        assertThat(moves.moved(2_000 + RollCall.ANSWER_WITHIN_MS, 30)).isTrue();
    }

    @Test
    void seatsReconnectingOneByOneNowAndThenAreNoAlarm() {
        for (long t = 0; t < 600_000; t += 6_000) {
            assertThat(moves.moved(t, 30)).isFalse();
        }
    }

    @Test
    void aBigFloorNeedsOnePercentOfItsSeats() {
        for (int i = 0; i < 99; i++) {
            assertThat(moves.moved(i, 10_000)).isFalse();
        }
        assertThat(moves.moved(100, 10_000)).isTrue();
    }
}
