package dev.seatlink.gateway.floor;

import static dev.seatlink.protocol.AgentState.BUSY;
import static dev.seatlink.protocol.AgentState.LOGGED_OUT;
import static dev.seatlink.protocol.AgentState.NOT_READY;
import static dev.seatlink.protocol.AgentState.READY;
import static dev.seatlink.protocol.AgentState.WRAP_UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.Sites;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KpisTest {
    private static final SiteConfig SITE = Sites.twoTeams();
    /** 2026-11-23 08:00 UTC: the 06:00 shift has run two hours. */
    private static final long T = Instant.parse("2026-11-23T08:00:00Z").toEpochMilli();
    private static final long SHIFT = Instant.parse("2026-11-23T06:00:00Z").toEpochMilli();
    private static final long MIN = 60_000;

    private final FloorModel floor = new FloorModel(SITE, T);
    private long seq;

    private void move(String seat, String agent, AgentState from, AgentState to, String reason, boolean help, long at) {
        floor.applyEvent(seat, new SeatEvent(seat, agent, from, to, reason, help, at, ++seq, "b", Cause.BUTTON));
    }

    private void online(String seat) {
        floor.applyStatus(seat, SeatStatus.online("b", "1.0", T), T);
    }

    /** a1: ready 10 min, busy 6, wrap-up 2, ready 2, busy 4 (still): two contacts. */
    private void aShortDay() {
        online("s-1");
        move("s-1", "a1", LOGGED_OUT, READY, null, false, T);
        move("s-1", "a1", READY, BUSY, null, false, T + 10 * MIN);
        move("s-1", "a1", BUSY, WRAP_UP, null, false, T + 16 * MIN);
        move("s-1", "a1", WRAP_UP, READY, null, false, T + 18 * MIN);
        move("s-1", "a1", READY, BUSY, null, false, T + 20 * MIN);
    }

    @Test
    void aTeamsAgentFiguresHoldOnlyItsOwnSeatsAndNoneForNoSeats() {
        aShortDay();

        assertThat(floor.agentTimes(T + 24 * MIN, java.util.Set.of("s-1"))).extracting(AgentTime::agent)
                .containsExactly("a1");
        assertThat(floor.agentTimes(T + 24 * MIN, java.util.Set.of("s-2"))).isEmpty();
        assertThat(floor.agentTimes(T + 24 * MIN, java.util.Set.of())).isEmpty();
    }

    @Test
    void occupancyIsHandlingTimeOverHandlingPlusReadyTimeOverTheShiftSoFar() {
        aShortDay();

        FloorKpis kpis = floor.kpis(T + 24 * MIN);

        // busy 6 + 4 (running), wrap-up 2, ready 12 → 12 / 24
        assertThat(kpis.floor().occupancy()).isCloseTo(0.5, within(1e-9));
        assertThat(kpis.shiftStart()).isEqualTo(SHIFT);
        AgentTime a1 = floor.agentTimes(T + 24 * MIN).get(0);
        assertThat(a1.contacts()).isEqualTo(2);
        assertThat(a1.ms(READY)).isEqualTo(12 * MIN);
        assertThat(a1.ms(BUSY)).isEqualTo(10 * MIN);
        assertThat(a1.averageHandleMs()).isEqualTo(6 * MIN);
        assertThat(a1.averageWrapUpMs()).isEqualTo(MIN);
    }

    @Test
    void countsPerStateReasonAndGroupingAndTheLongestTimeInState() {
        online("s-1");
        online("s-3");
        move("s-1", "a1", LOGGED_OUT, NOT_READY, "break", false, T);
        move("s-3", "a3", LOGGED_OUT, READY, null, true, T + 5 * MIN);

        FloorKpis kpis = floor.kpis(T + 7 * MIN);

        GroupKpis teamA = kpis.groups().get("team").get(0);
        assertThat(teamA.key()).isEqualTo("team-a");
        assertThat(teamA.staffed()).isEqualTo(2);
        assertThat(teamA.ready()).isEqualTo(1);
        assertThat(teamA.notReadyByReason()).containsEntry("break", 1);
        assertThat(teamA.help()).isEqualTo(1);
        assertThat(teamA.longestHelpWaitMs()).isEqualTo(2 * MIN);
        assertThat(teamA.longestInStateMs()).isEqualTo(7 * MIN);
        assertThat(teamA.longestInStateSeat()).isEqualTo("s-1");
        assertThat(kpis.floor().offline()).isEqualTo(1);
        assertThat(kpis.groups().get("customerTier")).extracting(GroupKpis::key).containsExactly("standard", "vip");
        assertThat(kpis.groups().get("skillTier")).extracting(GroupKpis::key).containsExactly("expert", "regular");
        assertThat(kpis.groups()).containsKeys("team", "businessLine", "customerTier", "skillTier");
    }

    @Test
    void intradayFiguresStartAgainAtTheNextShiftWhileTheStateCarriesOn() {
        aShortDay();
        long evening = Instant.parse("2026-11-23T18:30:00Z").toEpochMilli();

        FloorKpis kpis = floor.kpis(evening);

        AgentTime a1 = floor.agentTimes(evening).get(0);
        assertThat(kpis.shiftStart()).isEqualTo(Instant.parse("2026-11-23T18:00:00Z").toEpochMilli());
        assertThat(a1.contacts()).isZero();
        assertThat(a1.ms(BUSY)).isEqualTo(30 * MIN); // still on the contact that began before 18:00
        assertThat(a1.ms(READY)).isZero();
    }

    @Test
    void helpWaitsAreTimedFromRaiseToLowering() {
        online("s-1");
        move("s-1", "a1", LOGGED_OUT, READY, null, false, T);
        move("s-1", "a1", READY, READY, null, true, T + MIN);
        move("s-1", "a1", READY, READY, null, false, T + 3 * MIN);

        AgentTime a1 = floor.agentTimes(T + 4 * MIN).get(0);

        assertThat(a1.helpRequests()).isEqualTo(1);
        assertThat(a1.helpWaitMs()).isEqualTo(2 * MIN);
    }
}
