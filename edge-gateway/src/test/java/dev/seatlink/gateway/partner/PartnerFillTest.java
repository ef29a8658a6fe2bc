package dev.seatlink.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.SeatEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PartnerFillTest {
    private static final long NOW = 1_796_000_000_000L;
    private final List<String> reads = new ArrayList<>();
    private final List<Long> sent = new ArrayList<>();
    private final List<Integer> counted = new ArrayList<>();
    private final Set<String> offline = Set.of("s-1");
    private long now = NOW;
    /** A store holding seqs 1..8 of every seat, that notes what it was asked for. */
    private PartnerFill.StoredEvents store = (seat, from, to) -> {
        reads.add(seat + " " + from + ".." + to);
        return Future.succeededFuture(LongStream.rangeClosed(from, Math.min(to, 8)).mapToObj(seq -> event(seat, seq))
                .toList());
    };
    private PartnerFill.Republisher republisher = event -> {
        sent.add(event.seq());
        return Future.succeededFuture();
    };

    private PartnerFill fill() {
        return new PartnerFill(offline::contains, id -> id.startsWith("own-"),
                (seat, from, to) -> store.between(seat, from, to), event -> republisher.republish(event), counted::add,
                () -> now);
    }

    /** Each publish is noted in {@link #sent} and taken by the broker only when the test completes its promise. */
    private List<Promise<Void>> brokerTakesEachWhenTold() {
        List<Promise<Void>> unacknowledged = new ArrayList<>();
        republisher = event -> {
            sent.add(event.seq());
            Promise<Void> acked = Promise.promise();
            unacknowledged.add(acked);
            return acked.future();
        };
        return unacknowledged;
    }

    /** The second a seat online has to answer for itself passes, and the waiting asks are answered. */
    private void afterTheSeatsSecond(PartnerFill fill) {
        now += PartnerFill.SEAT_FIRST_MS;
        fill.run();
    }

    private static SeatEvent event(String seat, long seq) {
        return new SeatEvent(seat, "a1", AgentState.READY, AgentState.BUSY, null, false, NOW + seq, seq, "boot",
                Cause.BUTTON);
    }

    private static Command.Replay replay(long from, Long to) {
        return new Command.Replay("r-" + from, from, to, NOW);
    }

    @Test
    void aSeatOfflineHereHasWhatThisGatewayStoredOfTheAskedSeqsSentAgainInOrder() {
        fill().asked("s-1", replay(3, 5L));

        assertThat(reads).containsExactly("s-1 3..5");
        assertThat(sent).containsExactly(3L, 4L, 5L);
        assertThat(counted).containsExactly(3);
    }

    @Test
    void aSeatOnlineHereNotHeardAnsweringWithinASecondHasTheAskedEventsSentWhenAllAreStoredHere() {
        PartnerFill fill = fill();

        fill.asked("s-2", replay(3, 5L));
        now += PartnerFill.SEAT_FIRST_MS - 1;
        fill.run();
        assertThat(reads).as("the seat's own turn first").isEmpty();
        fill.heard("s-2", 6); // a new event, not an answer
        now += 1;
        fill.run();

        assertThat(sent).containsExactly(3L, 4L, 5L);
        assertThat(counted).containsExactly(3);
        assertThat(fill.awaitsSeat("s-2")).isFalse();
    }

    @Test
    void aSeatOnlineHereHeardAnsweringTheAskItselfIsLeftToIt() {
        PartnerFill fill = fill();

        fill.asked("s-2", replay(3, 5L));
        assertThat(fill.awaitsSeat("s-2")).isTrue();
        fill.heard("s-2", 4);
        afterTheSeatsSecond(fill);

        assertThat(fill.awaitsSeat("s-2")).isFalse();
        assertThat(reads).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void aSeatOnlineHereAskedForEventsNotAllStoredHereAnswersItself() {
        PartnerFill fill = fill();

        fill.asked("s-2", replay(6, 10L));
        afterTheSeatsSecond(fill);

        assertThat(reads).containsExactly("s-2 6..10");
        assertThat(sent).isEmpty();
    }

    @Test
    void aSeatOnlineHereAskedToReplayToNoEndAnswersItself() {
        PartnerFill fill = fill();

        fill.asked("s-2", replay(3, null));
        afterTheSeatsSecond(fill);

        assertThat(fill.awaitsSeat("s-2")).isFalse();
        assertThat(reads).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void atMostThirtyTwoSeatsOnlineHereAreAnsweredAtOnceTheOthersInTurnWhileSeatsOfflineAreAtOnce() {
        List<Promise<Void>> unacknowledged = brokerTakesEachWhenTold();
        PartnerFill fill = fill();

        for (int seat = 2; seat <= 40; seat++) {
            fill.asked("s-" + seat, replay(3, 3L));
        }
        afterTheSeatsSecond(fill);
        assertThat(reads).hasSize(PartnerFill.MAX_ONLINE_AT_ONCE).contains("s-2 3..3", "s-33 3..3")
                .doesNotContain("s-34 3..3");
        fill.asked("s-1", replay(3, 3L));
        assertThat(reads).contains("s-1 3..3");
        unacknowledged.get(0).complete();
        fill.run();
        assertThat(reads).contains("s-34 3..3").doesNotContain("s-35 3..3");
        for (int i = 1; i < unacknowledged.size(); i++) {
            unacknowledged.get(i).complete();
            fill.run();
        }

        assertThat(reads).hasSize(40);
    }

    @Test
    void theOldestAskOfASeatOnlineHereIsLeftToItsAskerOnceTooManyWait() {
        PartnerFill fill = fill();

        for (int seat = 2; seat <= PartnerFill.MAX_WAITING + 2; seat++) {
            fill.asked("s-" + seat, replay(3, 3L));
        }

        assertThat(fill.awaitsSeat("s-2")).isFalse();
        assertThat(fill.awaitsSeat("s-3")).isTrue();
        assertThat(fill.awaitsSeat("s-" + (PartnerFill.MAX_WAITING + 2))).isTrue();
    }

    @Test
    void aSeatAskedAgainWaitsItsSecondFromTheNewAsk() {
        PartnerFill fill = fill();

        fill.asked("s-2", replay(3, 5L));
        now += PartnerFill.SEAT_FIRST_MS / 2;
        fill.asked("s-2", replay(4, 5L));
        now += PartnerFill.SEAT_FIRST_MS / 2;
        fill.run();
        assertThat(reads).isEmpty();
        now += PartnerFill.SEAT_FIRST_MS / 2;
        fill.run();

        assertThat(reads).containsExactly("s-2 4..5");
    }

    @Test
    void anAskThisGatewaySentItselfIsLeftToTheSeatWhereverItIs() {
        PartnerFill fill = fill();

        fill.asked("s-1", new Command.Replay("own-1", 3, 5L, NOW));
        fill.asked("s-2", new Command.Replay("own-2", 3, 5L, NOW));
        afterTheSeatsSecond(fill);

        assertThat(reads).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void anAskForMoreThanFiveHundredOrToNoEndIsAnsweredFiveHundredAtATime() {
        PartnerFill fill = fill();

        fill.asked("s-1", replay(1, 100_000L));
        fill.asked("s-1", replay(7, null));

        assertThat(reads).containsExactly("s-1 1..500", "s-1 7..506");
    }

    @Test
    void anAskFromTheEndOfTheSeqsAsksTheStoreForNoMoreThanIsThere() {
        fill().asked("s-1", replay(Long.MAX_VALUE - 10, null));

        assertThat(reads).containsExactly("s-1 " + (Long.MAX_VALUE - 10) + ".." + Long.MAX_VALUE);
        assertThat(sent).isEmpty();
    }

    @Test
    void aSecondAskWhileTheFirstIsStillBeingSentIsLeftToTheAskersNextTry() {
        List<Promise<Void>> unacknowledged = brokerTakesEachWhenTold();
        PartnerFill fill = fill();

        fill.asked("s-1", replay(3, 4L));
        fill.asked("s-1", replay(3, 4L));
        assertThat(sent).as("the next only once the broker took the one before").containsExactly(3L);
        unacknowledged.get(0).complete();
        unacknowledged.get(1).complete();
        fill.asked("s-1", replay(6, 6L));
        unacknowledged.get(2).complete();

        assertThat(reads).containsExactly("s-1 3..4", "s-1 6..6");
        assertThat(sent).containsExactly(3L, 4L, 6L);
        assertThat(counted).containsExactly(2, 1);
    }

    @Test
    void aStoreThatCannotBeReadSendsNothingAndTheNextAskIsAnswered() {
        PartnerFill.StoredEvents readable = store;
        store = (seat, from, to) -> Future.failedFuture("disk I/O error");
        PartnerFill fill = fill();

        fill.asked("s-1", replay(3, 5L));
        store = readable;
        fill.asked("s-1", replay(3, 5L));

        assertThat(sent).containsExactly(3L, 4L, 5L);
    }
}
