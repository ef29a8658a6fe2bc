package dev.seatlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeatThrottleTest {
    private final SeatThrottle<String> throttle = new SeatThrottle<>();

    @Test
    void aSeatThatChangesSeldomIsNeverDelayed() {
        assertThat(throttle.offer("s-1", "READY", false, 0)).containsExactly("READY");
        assertThat(throttle.offer("s-1", "BUSY", false, 250)).containsExactly("BUSY");
        assertThat(throttle.offer("s-2", "BUSY", false, 260)).containsExactly("BUSY");
    }

    @Test
    void aFlappingSeatSendsAtMostFourASecondAndTheLatestWins() {
        throttle.offer("s-1", "READY", false, 0);

        assertThat(throttle.offer("s-1", "BUSY", false, 10)).isEmpty();
        assertThat(throttle.offer("s-1", "WRAP_UP", false, 20)).isEmpty();
        assertThat(throttle.due(200)).isEmpty();
        assertThat(throttle.due(250)).containsExactly("WRAP_UP");
        assertThat(throttle.due(600)).isEmpty();
    }

    @Test
    void aRaisedHandGoesAtOnceAndReplacesWhatWasHeld() {
        throttle.offer("s-1", "READY", false, 0);
        throttle.offer("s-1", "BUSY", false, 10);

        assertThat(throttle.offer("s-1", "BUSY+HELP", true, 20)).containsExactly("BUSY+HELP");
        assertThat(throttle.due(1_000)).isEmpty();
    }
}
