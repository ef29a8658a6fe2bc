package dev.seatlink.terminal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final Topic TOPIC = Topic.seat("hq", "f1", "s-1", Topic.Kind.EVENT);
    private static final long T = 1_763_900_000_000L;

    @TempDir
    Path dir;

    private Journal open() {
        return new Journal(dir, TOPIC, new Codec());
    }

    private static SeatEvent event(long seq) {
        AgentState to = seq % 2 == 0 ? AgentState.BUSY : AgentState.WRAP_UP;
        return new SeatEvent("s-1", "a1", AgentState.READY, to, null, false, T + seq, seq, "boot", Cause.BUTTON);
    }

    @Test
    void eventsStayUnsentUntilAcknowledged() {
        Journal journal = open();
        journal.append(event(1));
        journal.append(event(2));
        journal.append(event(3));

        journal.acknowledged(2);

        assertThat(journal.unsent()).extracting(SeatEvent::seq).containsExactly(1L, 3L);
    }

    @Test
    void unsentEventsAndTheLastSeqSurviveARestart() {
        Journal journal = open();
        for (long seq = 1; seq <= 5; seq++) {
            journal.append(event(seq));
        }
        journal.acknowledged(1);
        journal.acknowledged(2);
        journal.saveWatermark();

        Journal again = open(); // as after kill -9: nothing closed

        assertThat(again.lastSeq()).isEqualTo(5);
        assertThat(again.unsent()).extracting(SeatEvent::seq).containsExactly(3L, 4L, 5L);
        assertThat(again.last()).contains(event(5));
    }

    @Test
    void continuingAboveTheFloorJournalsThisBootsEventsAgainAboveItAndNoOlderOnes() {
        Journal journal = open();
        journal.append(new SeatEvent("s-1", "a1", AgentState.READY, AgentState.BUSY, null, false, T, 1, "old", Cause.BUTTON));
        journal.append(event(2));
        journal.append(event(3));
        journal.acknowledged(1);
        journal.acknowledged(2);

        List<SeatEvent> again = journal.continueAbove(800, "boot");

        assertThat(again).extracting(SeatEvent::seq).containsExactly(801L, 802L);
        assertThat(again).extracting(SeatEvent::to).containsExactly(AgentState.BUSY, AgentState.WRAP_UP);
        assertThat(journal.unsent()).extracting(SeatEvent::seq).containsExactly(801L, 802L);
        assertThat(open().lastSeq()).isEqualTo(802);
        assertThat(journal.continueAbove(10, "boot")).isEmpty();
    }

    @Test
    void aLostWatermarkOnlyMeansHarmlessResends() {
        Journal journal = open();
        journal.append(event(1));
        journal.acknowledged(1); // never saved

        assertThat(open().unsent()).extracting(SeatEvent::seq).containsExactly(1L);
    }

    @Test
    void aLineCutShortByAPowerCutIsDroppedAndItsSeqMayBeReused() throws Exception {
        Journal journal = open();
        journal.append(event(1));
        journal.append(event(2));
        Files.writeString(dir.resolve(Journal.LOG), "{\"v\":1,\"seat\":\"s-1\",\"ag", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        Journal again = open();

        assertThat(again.lastSeq()).isEqualTo(2);
        again.append(event(3));
        assertThat(open().between(1, Long.MAX_VALUE)).extracting(SeatEvent::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void replayServesEventsFromTheGivenSeqUpToTheBound() {
        Journal journal = open();
        for (long seq = 1; seq <= 5; seq++) {
            journal.append(event(seq));
        }

        assertThat(journal.between(4, Long.MAX_VALUE)).extracting(SeatEvent::seq).containsExactly(4L, 5L);
        assertThat(journal.between(2, 3)).extracting(SeatEvent::seq).containsExactly(2L, 3L);
        assertThat(journal.between(3, 2)).isEmpty();
        assertThat(journal.firstSeq()).isEqualTo(1);
    }

    @Test
    void aSeqNeverGoesBackwards() {
        Journal journal = open();
        journal.append(event(7));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> journal.append(event(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullJournalKeepsUnsentEventsAndRecentSentOnesForReplay() {
        Journal journal = open();
        int total = Journal.MAX_EVENTS + 10;
        for (long seq = 1; seq <= total; seq++) {
            journal.append(event(seq));
            if (seq <= total - 5) {
                journal.acknowledged(seq);
            }
        }

        assertThat(journal.unsent()).hasSize(5);
        assertThat(journal.between(0, Long.MAX_VALUE).size()).isLessThanOrEqualTo(Journal.KEEP_SENT + 5 + 10);
        assertThat(journal.dropped()).isZero();
        assertThat(open().lastSeq()).isEqualTo(total);
    }

    @Test
    void whenUnsentEventsOverflowTheOldestAreDroppedAndCounted() {
        Journal journal = open();
        for (long seq = 1; seq <= Journal.MAX_EVENTS + 3; seq++) {
            journal.append(event(seq));
        }

        assertThat(journal.dropped()).isEqualTo(3);
        assertThat(journal.unsent().get(0).seq()).isEqualTo(4);
        assertThat(journal.lastSeq()).isEqualTo(Journal.MAX_EVENTS + 3);
    }
}
