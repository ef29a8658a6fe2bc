package dev.seatlink.gateway.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.CtiEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallBookTest {
    private static final long T = 1_764_590_400_000L;
    private final SiteConfig demo = new SiteConfigLoader().loadDemo();
    private final SeatSpec seat = demo.seat("s-001").orElseThrow();
    private final java.util.List<CallRecord> finished = new java.util.ArrayList<>();
    private final CallBook book = new CallBook(T, finished::add);
    private int ids;

    private void heard(CallEventType type, String call, long at) {
        heard(type, call, at, null);
    }

    private void heard(CallEventType type, String call, long at, Long waitMs) {
        book.heard(seat, "a1001", new CtiEvent("e" + ++ids, type, "PJSIP/1001", call, at, null, waitMs), at);
    }

    @Test
    void aHandledCallCountsItsTalkItsHoldItsQueueWaitAndTheWrapUpThatFollowed() {
        heard(CallEventType.CALL_ANSWERED, "c1", T, 8_000L);
        heard(CallEventType.CALL_HELD, "c1", T + 10_000);
        heard(CallEventType.CALL_RESUMED, "c1", T + 25_000);
        heard(CallEventType.CALL_ENDED, "c1", T + 60_000);
        book.seatIs("s-001", AgentState.WRAP_UP, T + 60_100);
        book.seatIs("s-001", AgentState.READY, T + 90_100);

        CallFigures agent = book.of("a1001");
        assertThat(agent).isEqualTo(new CallFigures(1, 60_000, 30_000, 8_000, 1, 0, 15_000));
        assertThat(agent.averageHandleMs()).isEqualTo(90_000);
        assertThat(agent.averageSpeedOfAnswerMs()).isEqualTo(8_000);
        assertThat(book.byTeam()).containsEntry("billing-1", agent);
    }

    @Test
    void missedCallsCountForTheAgentTheyRangAndAnotherCallsEndChangesNothing() {
        heard(CallEventType.CALL_MISSED, "c1", T);
        heard(CallEventType.CALL_ANSWERED, "c2", T + 1_000);
        heard(CallEventType.CALL_ENDED, "consult", T + 2_000);

        assertThat(book.of("a1001")).isEqualTo(new CallFigures(0, 0, 0, 0, 0, 1, 0));
        assertThat(book.of("a1001").averageSpeedOfAnswerMs()).isNull();
    }

    @Test
    void aCallThatEndsStraightIntoAnotherStateHasNoWrapUpAndANewShiftStartsAgain() {
        heard(CallEventType.CALL_ANSWERED, "c1", T);
        heard(CallEventType.CALL_ENDED, "c1", T + 30_000);
        book.seatIs("s-001", AgentState.NOT_READY, T + 30_100);
        book.seatIs("s-001", AgentState.WRAP_UP, T + 40_000);
        book.seatIs("s-001", AgentState.READY, T + 50_000);

        assertThat(book.of("a1001").wrapUpMs()).isZero();
        book.restart(T + 8 * 3_600_000L);
        assertThat(book.byAgent()).isEmpty();
    }

    @Test
    void theFloorTeamsBusinessLinesAndSeatsSumWhatTheBookHolds() {
        heard(CallEventType.CALL_ANSWERED, "c1", T);
        heard(CallEventType.CALL_ENDED, "c1", T + 40_000);

        CallKpis kpis = CallKpis.of(demo, book, Map.of("s-001", "a1001"));

        assertThat(kpis.floor().handled()).isEqualTo(1);
        assertThat(kpis.teams()).containsOnlyKeys("billing-1");
        assertThat(kpis.businessLines()).containsOnlyKeys("billing");
        assertThat(kpis.seats()).containsOnlyKeys("s-001");
        assertThat(kpis.seats().get("s-001").averageHandleMs()).isEqualTo(40_000);
        assertThat(CallKpis.of(demo, new CallBook(T), Map.of())).isSameAs(CallKpis.NONE);
    }

    @Test
    void eachCallIsRecordedOnceFinishedWithItsWrapUpOrAtOnceWhenMissed() {
        heard(CallEventType.CALL_MISSED, "m1", T);
        heard(CallEventType.CALL_ANSWERED, "c1", T + 1_000, 3_000L);
        heard(CallEventType.CALL_ENDED, "c1", T + 31_000);
        assertThat(finished).extracting(CallRecord::callId).as("c1 waits for its wrap-up").containsExactly("m1");
        book.seatIs("s-001", AgentState.WRAP_UP, T + 31_100);
        book.seatIs("s-001", AgentState.READY, T + 41_100);
        heard(CallEventType.CALL_ANSWERED, "c2", T + 50_000);
        heard(CallEventType.CALL_ENDED, "c2", T + 60_000);
        heard(CallEventType.CALL_ANSWERED, "c3", T + 61_000); // the next call before any wrap-up

        assertThat(finished).containsExactly(
                new CallRecord("s-001", "a1001", "billing-1", "m1", T, 0, 0, null, 0, true),
                new CallRecord("s-001", "a1001", "billing-1", "c1", T + 31_000, 30_000, 0, 3_000L, 10_000, false),
                new CallRecord("s-001", "a1001", "billing-1", "c2", T + 60_000, 10_000, 0, null, 0, false));
        assertThat(finished.get(1).figures()).isEqualTo(new CallFigures(1, 30_000, 10_000, 3_000, 1, 0, 0));
    }

    @Test
    void theShiftsStoredCallsAreAddedBackAfterARestart() {
        CallFigures stored = new CallFigures(2, 100_000, 20_000, 0, 0, 1, 0);
        heard(CallEventType.CALL_MISSED, "m1", T);

        book.restore(Map.of("a1001", stored), Map.of("billing-1", stored));

        assertThat(book.of("a1001")).isEqualTo(new CallFigures(2, 100_000, 20_000, 0, 0, 2, 0));
        assertThat(book.byTeam().get("billing-1").missed()).isEqualTo(2);
    }
}
