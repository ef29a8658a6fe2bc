package dev.seatlink.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStoreTest {
    private static final long T = 1_763_900_000_000L;

    @TempDir
    Path dir;

    private static StoredEvent stored(String seat, long seq, long at) {
        return new StoredEvent(new SeatEvent(seat, "a1", AgentState.READY, AgentState.NOT_READY, "break", true, at, seq,
                "boot-1", Cause.HEADSET), at + 5);
    }

    @Test
    void storesEachEventOnceAndSaysWhichWereNew() throws Exception {
        try (EventStore store = EventStore.open(dir)) {
            boolean[] first = store.insert(List.of(stored("s-1", 1, T), stored("s-1", 2, T)));
            boolean[] again = store.insert(List.of(stored("s-1", 2, T), stored("s-1", 3, T)));

            assertThat(first).containsExactly(true, true);
            assertThat(again).containsExactly(false, true);
            assertThat(store.events("s-1", 0, 100)).extracting(e -> e.event().seq()).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void readsBackExactlyWhatWasStored() throws Exception {
        try (EventStore store = EventStore.open(dir)) {
            store.insert(List.of(stored("s-1", 7, T)));

            assertThat(store.events("s-1", 0, 10)).containsExactly(stored("s-1", 7, T));
        }
    }

    @Test
    void pagesBySeqAndLimit() throws Exception {
        try (EventStore store = EventStore.open(dir)) {
            for (long seq = 1; seq <= 10; seq++) {
                store.insert(List.of(stored("s-1", seq, T)));
            }

            assertThat(store.events("s-1", 4, 3)).extracting(e -> e.event().seq()).containsExactly(5L, 6L, 7L);
        }
    }

    @Test
    void aSeqStoredBeyondTheBoundBeforeItExistedIsNeitherRestoredNorReported() throws Exception {
        try (EventStore store = EventStore.open(dir)) {
            store.insert(List.of(stored("s-1", 1, T), stored("s-1", 2, T + 1)));
        }
        try (var c = EventStore.connect(dir.resolve(EventStore.FILE)); var s = c.createStatement()) {
            s.execute("INSERT INTO events SELECT seat, 9223372036854775807, agent, from_state, to_state, reason, help, at, "
                    + "boot, cause, rx FROM events WHERE seq = 2");
        }
        try (EventStore store = EventStore.open(dir)) {
            assertThat(store.lastPerSeat().get("s-1").event().seq()).isEqualTo(2);
            assertThat(store.window(T, T + 10)).extracting(SeatEvent::seq).containsExactly(1L, 2L);
        }
    }

    @Test
    void aLongPeriodAndAShortOneBothComeEachSeatInSeqOrderWhatTheClocksSaid() throws Exception {
        long day = 86_400_000L;
        try (EventStore store = EventStore.open(dir)) {
            // s-1's clock went back between seq 2 and 3: seq order is not time order
            store.insert(List.of(stored("s-2", 1, T + 5 * day), stored("s-1", 1, T), stored("s-1", 2, T + 50 * day),
                    stored("s-1", 3, T + 10 * day), stored("s-2", 2, T + 60 * day), stored("s-1", 4, T + 99 * day)));

            // the whole span, read in key order; two days of it, read through the time index and sorted
            assertThat(store.window(T, T + 100 * day)).extracting(e -> e.seat() + "/" + e.seq())
                    .containsExactly("s-1/1", "s-1/2", "s-1/3", "s-1/4", "s-2/1", "s-2/2");
            assertThat(store.window(T + 9 * day, T + 11 * day)).extracting(e -> e.seat() + "/" + e.seq())
                    .as("s-2's last event in the week before, then the period's").containsExactly("s-2/1", "s-1/3");
        }
    }

    @Test
    void survivesAReopenAndKnowsEachSeatsLastEvent() throws Exception {
        try (EventStore store = EventStore.open(dir)) {
            store.insert(List.of(stored("s-1", 1, T), stored("s-1", 2, T), stored("s-2", 9, T)));
        }
        try (EventStore store = EventStore.open(dir)) {
            assertThat(store.lastPerSeat()).containsOnlyKeys("s-1", "s-2");
            assertThat(store.lastPerSeat().get("s-1").event().seq()).isEqualTo(2);
        }
    }

    @Test
    void retentionDeletesOldEvents() throws Exception {
        try (EventStore store = EventStore.open(dir)) {
            store.insert(List.of(stored("s-1", 1, T - 1000), stored("s-1", 2, T)));

            assertThat(store.deleteBefore(T)).isEqualTo(1);
            assertThat(store.events("s-1", 0, 10)).extracting(e -> e.event().seq()).containsExactly(2L);
        }
    }

    @Test
    void anUnusableDirectoryIsNamed() throws Exception {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "x");

        assertThatThrownBy(() -> EventStore.open(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot open the event store " + file.resolve("events.db"));
    }

    @Test
    void finishedCallsAreSummedPerAgentOrTeamOverAPeriodForTheSeatsAskedAndGoWithRetention() throws Exception {
        long t = 1_764_590_400_000L;
        try (EventStore store = EventStore.open(dir)) {
            store.insert(java.util.List.of(), java.util.List.of(
                    new dev.seatlink.gateway.calls.CallRecord("s-1", "a1", "t1", "c1", t, 60_000, 5_000, 8_000L, 20_000,
                            false),
                    new dev.seatlink.gateway.calls.CallRecord("s-1", "a1", "t1", "c2", t + 1, 0, 0, null, 0, true),
                    new dev.seatlink.gateway.calls.CallRecord("s-2", null, "t1", "c3", t + 2, 30_000, 0, null, 10_000,
                            false),
                    new dev.seatlink.gateway.calls.CallRecord("s-1", "a1", "t1", "c4", t + 86_400_000L, 1, 0, null, 0,
                            false)));

            var byAgent = store.callFigures(t, t + 1_000, null, false);
            assertThat(byAgent).containsOnlyKeys("a1", "s-2");
            assertThat(byAgent.get("a1")).isEqualTo(new dev.seatlink.gateway.calls.CallFigures(1, 60_000, 20_000, 8_000,
                    1, 1, 5_000));
            assertThat(store.callFigures(t, t + 1_000, null, true).get("t1").handled()).isEqualTo(2);
            assertThat(store.callFigures(t, t + 1_000, java.util.List.of("s-2"), false)).containsOnlyKeys("s-2");

            store.deleteBefore(t + 1_000);

            assertThat(store.callFigures(0, Long.MAX_VALUE, null, false).get("a1").handled()).isEqualTo(1);
        }
    }
}
