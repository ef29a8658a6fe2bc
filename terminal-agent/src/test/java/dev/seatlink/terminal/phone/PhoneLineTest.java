package dev.seatlink.terminal.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.CallEvent;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.PhoneRules;
import dev.seatlink.protocol.SeatConfig;
import dev.seatlink.terminal.seat.FakeClock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.seat.SeatStateMachine;
import dev.seatlink.terminal.seat.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneLineTest {
    private static final long T0 = 1_763_900_000_000L;
    private final FakeClock clock = new FakeClock(T0);
    private final SeatStateMachine machine = new SeatStateMachine(clock, new SeatConfig("s-001", "a1", "team-a",
            List.of("break"), 30, AgentState.READY, null, new PhoneRules(2)), Snapshot.loggedOut("a1", T0));
    private final PhoneLine line = new PhoneLine(machine);
    private int ids;

    private CallEvent event(CallEventType type, String call) {
        return new CallEvent("s-001", "e" + ++ids, type, call, T0, null);
    }

    @Test
    void aRingShowsUntilTheCallIsAnsweredThenTheHoldTimeCountsAndStaysShownAfterResuming() {
        machine.press(Key.READY);

        line.apply(event(CallEventType.CALL_OFFERED, "c1"), clock.millis());
        assertThat(line.ringing(clock.millis())).isTrue();
        assertThat(line.text(clock.millis())).isEqualTo("RINGING");

        line.apply(event(CallEventType.CALL_ANSWERED, "c1"), clock.millis());
        assertThat(line.ringing(clock.millis())).isFalse();
        assertThat(line.text(clock.millis())).isNull();
        assertThat(machine.snapshot().state()).isEqualTo(AgentState.BUSY);

        line.apply(event(CallEventType.CALL_HELD, "c1"), clock.millis());
        clock.advanceSeconds(42);
        assertThat(line.text(clock.millis())).isEqualTo("ON HOLD 00:42");
        line.apply(event(CallEventType.CALL_RESUMED, "c1"), clock.millis());
        clock.advanceSeconds(10);
        line.apply(event(CallEventType.CALL_HELD, "c1"), clock.millis());
        clock.advanceSeconds(3);
        line.apply(event(CallEventType.CALL_RESUMED, "c1"), clock.millis());
        assertThat(line.text(clock.millis())).as("two holds, counted together").isEqualTo("held 00:45");

        line.apply(event(CallEventType.CALL_ENDED, "c1"), clock.millis());
        assertThat(line.text(clock.millis())).isNull();
        assertThat(machine.snapshot().state()).isEqualTo(AgentState.WRAP_UP);
    }

    @Test
    void aRingWhoseOutcomeNeverArrivesStopsShowingAfterTwoMinutes() {
        line.apply(event(CallEventType.CALL_OFFERED, "c1"), clock.millis());
        clock.advanceMillis(CallProgress.RING_LIMIT_MS);

        assertThat(line.ringing(clock.millis())).isFalse();
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnceSoAMissedCallIsNotCountedTwice() {
        machine.press(Key.READY);
        CallEvent missed = event(CallEventType.CALL_MISSED, "c1");

        assertThat(line.apply(missed, clock.millis())).isEmpty();
        assertThat(line.apply(missed, clock.millis())).as("the same id again").isEmpty();
        assertThat(machine.snapshot().state()).isEqualTo(AgentState.READY);
        assertThat(line.apply(event(CallEventType.CALL_MISSED, "c2"), clock.millis()).orElseThrow().to().reason())
                .isEqualTo(PhoneRules.MISSED_REASON);
    }

    @Test
    void onlyTheLastFewHundredIdsAreRemembered() {
        machine.press(Key.READY);
        CallEvent first = event(CallEventType.CALL_OFFERED, "c0");
        line.apply(first, clock.millis());
        for (int i = 0; i < PhoneLine.REMEMBERED; i++) {
            line.apply(event(CallEventType.CALL_RESUMED, "x"), clock.millis());
        }
        line.apply(event(CallEventType.CALL_MISSED, "c0"), clock.millis());
        assertThat(line.ringing(clock.millis())).isFalse();

        line.apply(first, clock.millis());

        assertThat(line.ringing(clock.millis())).as("forgotten, so taken again").isTrue();
    }
}
