package dev.seatlink.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import org.junit.jupiter.api.Test;

class SeatJournalTest {
    private final SeatJournal journal = new SeatJournal();

    private static SeatEvent event(long seq) {
        return new SeatEvent("s-00001", "a00001", AgentState.READY, AgentState.BUSY, null, false,
                1_763_900_000_000L + seq, seq, "b-1", Cause.BUTTON);
    }

    private static SeatJournal.Sent sent(long seq) {
        return new SeatJournal.Sent("seatlink/v1/hq/f1/seat/s-00001/event", seq, 0);
    }

    @Test
    void anEventLeavesOnlyOnItsOwnPubackWhicheverComesFirstItsPacketIdOrItsPuback() {
        journal.made(event(1));
        journal.made(event(2));

        assertThat(journal.sentAs(7, sent(1))).as("waits for its PUBACK").isNull();
        assertThat(journal.acknowledged(8)).as("a PUBACK before its publish said its id").isNull();
        assertThat(journal.unacknowledged()).isEqualTo(2);

        assertThat(journal.acknowledged(7)).isEqualTo(sent(1));
        assertThat(journal.sentAs(8, sent(2))).as("its PUBACK had come").isEqualTo(sent(2));
        assertThat(journal.unacknowledged()).isZero();
    }

    @Test
    void aReconnectSendsAgainWhatWasNotAcknowledgedInSeqOrderAndForgetsOldPacketIds() {
        for (long seq = 1; seq <= 4; seq++) {
            journal.made(event(seq));
        }
        journal.sentAs(1, sent(2));
        journal.acknowledged(1);
        journal.sentAs(2, sent(3)); // on a connection that dies before its PUBACK

        assertThat(journal.reconnected()).extracting(SeatEvent::seq).containsExactly(1L, 3L, 4L);
        assertThat(journal.sentAs(2, sent(1))).isNull(); // the new connection's packet id 2 is seq 1's
        assertThat(journal.acknowledged(2)).isEqualTo(sent(1));
        assertThat(journal.unacknowledged()).isEqualTo(2);
    }

    @Test
    void remembersItsLastEventsForAReplayAndSaysTheOldestKept() {
        assertThat(journal.oldestRemembered()).isNull();
        long last = SeatJournal.REMEMBERED_EVENTS + 500;
        for (long seq = 1; seq <= last; seq++) {
            journal.made(event(seq));
        }

        assertThat(journal.oldestRemembered()).isEqualTo(last - SeatJournal.REMEMBERED_EVENTS + 1);
        assertThat(journal.remembered(last - 2, last + 10)).extracting(SeatEvent::seq)
                .containsExactly(last - 2, last - 1, last);
        assertThat(journal.remembered(1, 10)).as("long forgotten").isEmpty();
    }
}
