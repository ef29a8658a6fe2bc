package dev.seatlink.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.CommandResult;
import dev.seatlink.protocol.SeatConfig;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.journal.Journal;
import dev.seatlink.terminal.seat.FakeClock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.seat.SeatStateMachine;
import dev.seatlink.terminal.seat.Snapshot;
import dev.seatlink.terminal.seat.Transition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeatCommandsTest {
    private static final long T0 = 1_763_900_000_000L;

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock(T0);
    private final RecordedEffects seat = new RecordedEffects();
    private SeatStateMachine machine;
    private SeatCommands commands;

    @BeforeEach
    void journalOfTenEvents() {
        Journal journal = new Journal(dir, Topic.seat("hq", "f1", "s-014", Topic.Kind.EVENT), new Codec());
        for (long seq = 1; seq <= 10; seq++) {
            journal.append(new SeatEvent("s-014", "a1", AgentState.READY, AgentState.BUSY, null, false, T0 + seq, seq,
                    "boot", Cause.BUTTON));
        }
        SeatConfig config = new SeatConfig("s-014", "a1", "team-a", List.of("break"), 30, AgentState.READY);
        machine = new SeatStateMachine(clock, config, Snapshot.loggedOut("a1", T0));
        commands = new SeatCommands(machine, seat, journal, clock);
    }

    @Test
    void aBoundedReplayRepublishesOnlyTheEventsAskedFor() {
        CommandResult result = commands.execute(new Command.Replay("c-1", 4, 6L, T0));

        assertThat(seat.republished).containsExactly(4L, 5L, 6L);
        assertThat(result.ok()).isTrue();
    }

    @Test
    void aReplayWithoutABoundRepublishesEverythingFromItsStart() {
        commands.execute(new Command.Replay("c-2", 8, T0));

        assertThat(seat.republished).containsExactly(8L, 9L, 10L);
    }

    @Test
    void aBadgeSignInGreetsTheAgentByFirstNameThenNamesThemOnTheDisplayOrElseUsesTheirId() {
        CommandResult named = commands.execute(new Command.SignIn("c-5", "a1", "Yara Haddad", T0));

        assertThat(named.ok()).isTrue();
        assertThat(commands.message(clock.millis())).isEqualTo("Hello, Yara").hasSizeLessThanOrEqualTo(16);

        assertThat(commands.shownAgent("a1")).as("named on the display after the greeting").isEqualTo("Yara Haddad");
        assertThat(commands.shownAgent("a2")).as("another agent: the name was not theirs").isEqualTo("a2");

        commands.execute(new Command.SignIn("c-6", "a1", null, T0));
        assertThat(commands.message(clock.millis())).isEqualTo("Hello, a1");
        assertThat(commands.shownAgent("a1")).isEqualTo("a1");
    }

    @Test
    void aRebirthRepublishesTheSeatAnsweringItsId() {
        CommandResult result = commands.execute(new Command.Rebirth("rc-7", T0));

        assertThat(seat.announced).containsExactly("rc-7");
        assertThat(result.ok()).isTrue();
    }

    @Test
    void anAcknowledgedHandIsLoweredThroughTheSeatWithABeepAndOnlyOnce() {
        machine.press(Key.READY);
        machine.press(Key.HELP);

        commands.execute(new Command.AckHelp("c-3", "tl-1", T0));
        commands.execute(new Command.AckHelp("c-4", "tl-1", T0));

        assertThat(seat.applied).singleElement().satisfies(lowered -> {
            assertThat(lowered.from().help()).isTrue();
            assertThat(lowered.to().help()).isFalse();
        });
        assertThat(seat.beeps).isEqualTo(1);
    }

    @Test
    void aSupervisorsMessageBeepsAndStaysOnTheDisplayUntilRead() {
        commands.execute(new Command.ShowMessage("c-5", "huddle at 10", "tl-1", T0));

        assertThat(seat.beeps).isEqualTo(1);
        assertThat(commands.message(clock.millis() + SeatCommands.MESSAGE_MS - 1)).isEqualTo("huddle at 10");
        commands.messageRead();
        assertThat(commands.message(clock.millis())).isNull();
    }

    /** What the commands asked of the seat, in order. */
    private static final class RecordedEffects implements CommandEffects {
        final List<Transition> applied = new ArrayList<>();
        final List<String> announced = new ArrayList<>();
        final List<Long> republished = new ArrayList<>();
        int beeps;

        @Override
        public void apply(Optional<Transition> transition) {
            transition.ifPresent(applied::add);
        }

        @Override
        public void announce(String rebirthId) {
            announced.add(rebirthId);
        }

        @Override
        public void beep() {
            beeps++;
        }

        @Override
        public void republish(List<SeatEvent> events) {
            events.forEach(event -> republished.add(event.seq()));
        }
    }
}
