package dev.seatlink.gateway.report;

import static dev.seatlink.protocol.AgentState.BUSY;
import static dev.seatlink.protocol.AgentState.LOGGED_OUT;
import static dev.seatlink.protocol.AgentState.READY;
import static dev.seatlink.protocol.AgentState.WRAP_UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.Sites;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeInStateReportTest {
    private static final SiteConfig SITE = Sites.twoTeams();
    private static final long DAY = 1_795_392_000_000L; // 2026-11-23 00:00 UTC
    private static final long MIN = 60_000;

    private static SeatEvent e(String seat, String agent, long seq, AgentState from, AgentState to, long at) {
        return new SeatEvent(seat, agent, from, to, null, false, at, seq, "b", Cause.BUTTON);
    }

    /** a1 signed in the evening before; the day's events; a3 at another seat of the same team. */
    private static final List<SeatEvent> EVENTS = List.of(
            e("s-1", "a1", 1, LOGGED_OUT, READY, DAY - 30 * MIN),
            e("s-1", "a1", 2, READY, BUSY, DAY + 60 * MIN),
            e("s-1", "a1", 3, BUSY, WRAP_UP, DAY + 70 * MIN),
            e("s-1", "a1", 4, WRAP_UP, LOGGED_OUT, DAY + 75 * MIN),
            e("s-3", "a3", 1, LOGGED_OUT, READY, DAY + 10 * MIN),
            e("s-3", "a3", 2, READY, LOGGED_OUT, DAY + 20 * MIN));

    @Test
    void perAgentTimeStartsAtThePeriodWhateverHappenedBefore() {
        List<ReportRow> rows = TimeInStateReport.of(SITE, EVENTS, DAY, DAY + 24 * 60 * MIN, "agent", s -> true);

        assertThat(rows).extracting(ReportRow::key).containsExactly("a1", "a3");
        ReportRow a1 = rows.get(0);
        assertThat(a1.msInState().get("READY")).isEqualTo(60 * MIN);
        assertThat(a1.msInState().get("BUSY")).isEqualTo(10 * MIN);
        assertThat(a1.msInState().get("WRAP_UP")).isEqualTo(5 * MIN);
        assertThat(a1.contacts()).isEqualTo(1);
        assertThat(a1.averageWrapUpMs()).isEqualTo(5 * MIN);
        assertThat(a1.occupancy()).isEqualTo(15.0 / 75);
        assertThat(a1.teams()).containsExactly("team-a");
    }

    @Test
    void perTeamAddsItsAgentsUpAndATeamLeaderSeesOnlyTheirTeams() {
        List<ReportRow> all = TimeInStateReport.of(SITE, EVENTS, DAY, DAY + 24 * 60 * MIN, "team", s -> true);
        List<ReportRow> teamB = TimeInStateReport.of(SITE, EVENTS, DAY, DAY + 24 * 60 * MIN, "team",
                s -> s.team().equals("team-b"));

        assertThat(all).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("team-a");
            assertThat(row.msInState().get("READY")).isEqualTo(70 * MIN);
        });
        assertThat(teamB).isEmpty();
    }

    @Test
    void csvHasAHeaderAndSecondsPerStateWithTheCallColumnsLeftEmptyWithoutCalls() {
        String csv = TimeInStateReport.csv("agent",
                TimeInStateReport.of(SITE, EVENTS, DAY, DAY + 24 * 60 * MIN, "agent", s -> true));

        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("agent,name,teams,logged_out_s,ready_s,not_ready_s,busy_s,"
                + "wrap_up_s,contacts,avg_handle_s,avg_wrap_up_s,help_requests,avg_help_wait_s,max_help_wait_s,occupancy,"
                + "calls_handled,call_avg_handle_s,call_avg_speed_of_answer_s,calls_missed,call_hold_s");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("a1,a1,team-a,").contains(",3600,")
                .endsWith(",0.200,,,,,");
    }

    @Test
    void timeWhileTheTerminalWasDownIsNotCountedAsItsLastState() {
        List<SeatEvent> events = List.of(
                e("s-1", "a1", 1, LOGGED_OUT, READY, DAY + 60 * MIN),
                new SeatEvent("s-1", "a1", READY, AgentState.NOT_READY, "break", false, DAY + 70 * MIN, 2, "b",
                        Cause.BUTTON),
                // switched off after that; the next boot reports at 13:00 that the agent is back
                new SeatEvent("s-1", "a1", AgentState.NOT_READY, READY, null, false, DAY + 180 * MIN, 3, "boot-2",
                        Cause.BUTTON),
                new SeatEvent("s-1", "a1", READY, LOGGED_OUT, null, false, DAY + 190 * MIN, 4, "boot-2", Cause.BUTTON));

        ReportRow a1 = TimeInStateReport.of(SITE, events, DAY, DAY + 24 * 60 * MIN, "agent", s -> true).get(0);

        assertThat(a1.msInState().get("READY")).isEqualTo(20 * MIN);
        assertThat(a1.msInState().get("NOT_READY")).isZero();
    }

    @Test
    void perBusinessLineAndForTheFloorTheTeamsAddUpAndTheirCallsWithThem() {
        TimeInStateReport report = new TimeInStateReport(SITE, DAY, DAY + 24 * 60 * MIN, s -> true);
        EVENTS.forEach(report::add);
        var calls = java.util.Map.of("team-a", new dev.seatlink.gateway.calls.CallFigures(2, 60_000, 20_000, 0, 0, 0, 0),
                "team-b", new dev.seatlink.gateway.calls.CallFigures(1, 30_000, 0, 0, 0, 1, 0));

        List<ReportRow> lines = report.withCalls(report.rows(TimeInStateReport.BY_BUSINESS_LINE),
                TimeInStateReport.BY_BUSINESS_LINE, calls);
        List<ReportRow> floor = report.withCalls(report.rows(TimeInStateReport.BY_FLOOR), TimeInStateReport.BY_FLOOR,
                calls);

        assertThat(lines).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("general"); // both teams' line by default
            assertThat(row.msInState().get("READY")).isEqualTo(70 * MIN);
            assertThat(row.calls().handled()).isEqualTo(3);
            assertThat(row.calls().missed()).isEqualTo(1);
        });
        assertThat(floor).singleElement().satisfies(row -> assertThat(row.key()).isEqualTo("f1"));
    }

    @Test
    void rowsAreNamedAgentsFromTheDirectoryTeamsFromTheSiteConfigAndTheCsvQuotesANameWithAComma() {
        TimeInStateReport report = new TimeInStateReport(SITE, DAY, DAY + 24 * 60 * MIN, s -> true);
        EVENTS.forEach(report::add);
        var agents = new dev.seatlink.gateway.agents.AgentDirectory(List.of(
                new dev.seatlink.gateway.agents.Agent("a1", "Berg, Anna", "team-a", "regular", null, true)));

        List<ReportRow> byAgent = report.named(report.rows("agent"), "agent", agents);
        List<ReportRow> byTeam = report.named(report.rows("team"), "team", agents);

        assertThat(byAgent).extracting(ReportRow::name).containsExactly("Berg, Anna", "a3");
        assertThat(byTeam).extracting(ReportRow::name).containsExactly("Team A");
        assertThat(TimeInStateReport.csv("agent", byAgent).lines().skip(1).findFirst().orElseThrow())
                .startsWith("a1,\"Berg, Anna\",team-a,");
    }
}
