package dev.seatlink.gateway.floor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.roster.RosterCsv;
import dev.seatlink.gateway.site.Sites;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sites.twoTeams: a1 sits at s-1; the roster has them 06:00-14:00 UTC with a break 10:00-10:15. */
class RosterNowTest {
    private static final long MINUTE = 60_000;
    private static final long SIX = Instant.parse("2026-12-01T06:00:00Z").toEpochMilli();
    private final FloorModel floor = new FloorModel(Sites.twoTeams(), SIX - 60 * MINUTE);
    private long seq;

    RosterNowTest() {
        floor.roster(new Roster(RosterCsv.read("agent,date,start,end,breaks\na1,2026-12-01,06:00,14:00,10:00-10:15\n",
                ZoneId.of("UTC"), Set.of()).schedules()));
        floor.applyStatus("s-1", SeatStatus.online("b", "1", SIX - 60 * MINUTE), SIX - 60 * MINUTE);
    }

    private void to(AgentState state, String reason, long at) {
        floor.applyEvent("s-1", new SeatEvent("s-1", "a1", AgentState.LOGGED_OUT, state, reason, false, at, ++seq, "b",
                Cause.BUTTON));
    }

    private List<String> alertsAt(long now) {
        floor.updateAlerts(floor.kpis(now), Set.of(), now);
        return floor.alerts().stream().map(Alert::type).filter(t -> t.contains("sign") || t.contains("break"))
                .toList();
    }

    @Test
    void anAgentNotSignedInFiveMinutesAfterTheirShiftBeganIsLateUntilTheySignIn() {
        assertThat(alertsAt(SIX + 5 * MINUTE)).isEmpty();
        assertThat(alertsAt(SIX + 6 * MINUTE)).containsExactly(Alert.LATE_SIGN_IN);
        to(AgentState.READY, null, SIX + 7 * MINUTE);
        assertThat(alertsAt(SIX + 8 * MINUTE)).isEmpty();
    }

    @Test
    void aBreakRunningPastItsEndAndASignOutBeforeTheShiftsEndAreAlerted() {
        to(AgentState.READY, null, SIX);
        to(AgentState.NOT_READY, "break", SIX + 240 * MINUTE); // 10:00
        assertThat(alertsAt(SIX + 255 * MINUTE + 5 * MINUTE)).as("10:20: five minutes' grace").isEmpty();
        assertThat(alertsAt(SIX + 261 * MINUTE)).containsExactly(Alert.BREAK_OVERRUN);
        to(AgentState.READY, null, SIX + 262 * MINUTE);
        assertThat(alertsAt(SIX + 263 * MINUTE)).isEmpty();

        to(AgentState.LOGGED_OUT, null, SIX + 400 * MINUTE); // 12:40, the shift ends at 14:00
        assertThat(alertsAt(SIX + 406 * MINUTE)).containsExactly(Alert.EARLY_SIGN_OUT);
        assertThat(alertsAt(SIX + 481 * MINUTE)).as("after the shift").isEmpty();
    }

    @Test
    void theRosterCountsWhoItHasWorkingNowInTheTeamTheySitInAndNotThoseOnABreak() {
        alertsAt(SIX - MINUTE);
        assertThat(floor.scheduledNow()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("team-a", 0, "team-b", 0));
        alertsAt(SIX + MINUTE);
        assertThat(floor.scheduledNow()).as("not signed in: the seat they are listed at")
                .containsEntry("team-a", 1).containsEntry("team-b", 0);
        to(AgentState.READY, null, SIX + 2 * MINUTE);
        alertsAt(SIX + 241 * MINUTE); // 10:01, in the break
        assertThat(floor.scheduledNow()).containsEntry("team-a", 0);
    }
}
