package dev.seatlink.gateway.jobs;

import static dev.seatlink.protocol.AgentState.LOGGED_OUT;
import static dev.seatlink.protocol.AgentState.READY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.site.Sites;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import org.junit.jupiter.api.Test;

class HandsFirstTest {
    private static final long T = 1_795_420_800_000L;

    private final FloorModel floor = new FloorModel(Sites.twoTeams(), T);
    private long now = T;
    private final FakeTick tick = new FakeTick();
    private final HandsFirst hands = new HandsFirst(floor, tick, () -> now);

    private final class FakeTick implements EarlyTick {
        long lastRunAt = T;
        int early;

        @Override
        public long lastRunAt() {
            return lastRunAt;
        }

        @Override
        public void runEarly() {
            early++;
            lastRunAt = now;
        }
    }

    private void event(String seat, boolean help, long seq) {
        floor.applyStatus(seat, SeatStatus.online("b", "1", T), T);
        floor.applyEvent(seat, new SeatEvent(seat, null, LOGGED_OUT, READY, null, help, now, seq, "b", Cause.BUTTON));
    }

    @Test
    void aRaisedHandRunsTheTickNowRatherThanAtTheNextSecond() {
        now += 300;
        hands.run();
        assertThat(tick.early).as("nothing raised: the regular tick is enough").isZero();

        event("s-1", true, 1);
        hands.run();

        assertThat(tick.early).isEqualTo(1);
    }

    @Test
    void handsRisingTogetherRunAtMostOneTickPerSpacing() {
        now += 300;
        event("s-1", true, 1);
        hands.run();
        now += 100;
        event("s-2", true, 1);
        hands.run();
        assertThat(tick.early).as("the last tick is 100 ms old").isEqualTo(1);

        now += HandsFirst.SPACING_MS;
        hands.run();
        assertThat(tick.early).isEqualTo(2);
        hands.run();
        assertThat(tick.early).as("no hand since").isEqualTo(2);
    }

    @Test
    void aLoweredHandOrOtherChangeDoesNotHurryTheTick() {
        now += 300;
        event("s-1", false, 1);
        hands.run();
        assertThat(tick.early).isZero();
    }
}
