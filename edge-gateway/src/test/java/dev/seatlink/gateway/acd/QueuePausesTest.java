package dev.seatlink.gateway.acd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.floor.SeatView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueuePausesTest {
    private static final String MEMBER = "PJSIP/1001";
    private final QueuePauses pauses = new QueuePauses();

    private static SeatView seat(String state, String reason, boolean online) {
        return new SeatView("s-1", "t", "a1", online ? state : SeatView.OFFLINE, reason, false, 0L, online, 1, 0, 0,
                "regular", null, null, null);
    }

    private List<QueuePauses.Action> due(MemberPause want, long now) {
        Map<String, MemberPause> wanted = new HashMap<>();
        wanted.put("s-1", want);
        return pauses.due(wanted, now);
    }

    @Test
    void eachStateAsksItsPauseAndBusyOrOfflineAskNothing() {
        assertThat(QueuePauses.wanted(MEMBER, seat("NOT_READY", "lunch", true))).isEqualTo(new MemberPause(MEMBER, true, "lunch"));
        assertThat(QueuePauses.wanted(MEMBER, seat("WRAP_UP", null, true))).isEqualTo(new MemberPause(MEMBER, true, "wrap-up"));
        assertThat(QueuePauses.wanted(MEMBER, seat("LOGGED_OUT", null, true)))
                .isEqualTo(new MemberPause(MEMBER, true, "logged-out"));
        assertThat(QueuePauses.wanted(MEMBER, seat("READY", null, true))).isEqualTo(MemberPause.unpaused(MEMBER));
        assertThat(QueuePauses.wanted(MEMBER, seat("BUSY", null, true))).isNull();
        assertThat(QueuePauses.wanted(MEMBER, seat("READY", null, false))).isNull();
    }

    @Test
    void aPauseIsAskedOnceCountsOnlyWhenTheAcdReportsItAndIsAskedAgainWhileUnconfirmed() {
        pauses.reconciled(List.of(MemberPause.unpaused(MEMBER)));
        MemberPause lunch = new MemberPause(MEMBER, true, "lunch");

        assertThat(due(lunch, 0)).containsExactly(new QueuePauses.Action("s-1", lunch));
        assertThat(due(lunch, 1_000)).as("sent, not yet echoed").isEmpty();
        assertThat(pauses.outOfStep()).containsEntry("s-1", 0L);
        assertThat(due(lunch, QueuePauses.RETRY_MS)).as("no echo: asked again").hasSize(1);

        pauses.reported(lunch);

        assertThat(due(lunch, 4_000)).isEmpty();
        assertThat(pauses.outOfStep()).isEmpty();
    }

    @Test
    void aPauseForAnotherReasonIsSetRightAndAMemberTheAcdDoesNotListIsLeftAlone() {
        pauses.reconciled(List.of(new MemberPause(MEMBER, true, "Lunch Break")));

        assertThat(due(new MemberPause(MEMBER, true, "break"), 0)).hasSize(1);
        assertThat(pauses.due(Map.of("s-2", new MemberPause("PJSIP/9999", true, "break")), 0)).isEmpty();
        assertThat(pauses.outOfStep()).doesNotContainKey("s-2");
    }

    @Test
    void whatTheAcdHoldsIsForgottenWhenTheLinkIsDownSoNothingIsAskedUntilItIsReadAgain() {
        pauses.reconciled(List.of(MemberPause.unpaused(MEMBER)));
        pauses.forget();

        assertThat(due(new MemberPause(MEMBER, true, "break"), 0)).isEmpty();
        assertThat(pauses.outOfStep()).isEmpty();
    }
}
