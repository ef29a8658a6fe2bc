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
import dev.seatlink.terminal.seat.SeatStateMachine;
import dev.seatlink.terminal.seat.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeatCommandsTest {
    private static final long T0 = 1_763_900_000_000L;

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock(T0);
    private final List<Long> republished = new ArrayList<>();
    private SeatCommands commands;

    @BeforeEach
    void journalOfTenEvents() {
        Journal journal = new Journal(dir, Topic.seat("hq", "f1", "s-014", Topic.Kind.EVENT), new Codec());
        for (long seq = 1; seq <= 10; seq++) {
            journal.append(new SeatEvent("s-014", "a1", AgentState.READY, AgentState.BUSY, null, false, T0 + seq, seq,
                    "boot", Cause.BUTTON));
        }
        SeatConfig config = new SeatConfig("s-014", "a1", "team-a", List.of("break"), 30, AgentState.READY);
        SeatStateMachine machine = new SeatStateMachine(clock, config, Snapshot.loggedOut("a1", T0));
        commands = new SeatCommands(machine, transition -> { }, rebirth -> { }, () -> { }, journal,
                events -> events.forEach(event -> republished.add(event.seq())), clock);
    }

    @Test
    void aBoundedReplayRepublishesOnlyTheEventsAskedFor() {
        CommandResult result = commands.execute(new Command.Replay("c-1", 4, 6L, T0));

        assertThat(republished).containsExactly(4L, 5L, 6L);
        assertThat(result.ok()).isTrue();
    }

    @Test
    void aReplayWithoutABoundRepublishesEverythingFromItsStart() {
        commands.execute(new Command.Replay("c-2", 8, T0));

        assertThat(republished).containsExactly(8L, 9L, 10L);
    }
}
