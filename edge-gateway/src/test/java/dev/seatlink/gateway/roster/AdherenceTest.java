package dev.seatlink.gateway.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdherenceTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final long MINUTE = 60_000;

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void aNightShiftAcrossMidnightAndTheClocksGoingBackIsNineHoursAndItsBreakIsOnTheNextDay() {
        // 2026-10-25: British Summer Time ends at 02:00 BST (01:00 UTC); 22:00 BST is 21:00 UTC, 06:00 GMT 06:00 UTC
        RosterCsv.Result read = RosterCsv.read("agent,date,start,end,breaks\na1,2026-10-24,22:00,06:00,00:30-00:45\n",
                LONDON, Set.of());
        assertThat(read.problems()).isEmpty();
        Schedule night = read.schedules().get(0);
        assertThat(night.shift()).isEqualTo(new Span(at("2026-10-24T21:00:00Z"), at("2026-10-25T06:00:00Z")));
        assertThat(night.breaks()).containsExactly(new Span(at("2026-10-24T23:30:00Z"), at("2026-10-24T23:45:00Z")));

        List<Adherence.Change> changes = List.of(
                new Adherence.Change(at("2026-10-24T21:00:00Z"), AgentState.READY),
                new Adherence.Change(at("2026-10-24T23:30:00Z"), AgentState.NOT_READY),
                new Adherence.Change(at("2026-10-24T23:50:00Z"), AgentState.READY), // 5 minutes over the break
                new Adherence.Change(at("2026-10-25T06:00:00Z"), AgentState.LOGGED_OUT));
        Adherence.Figures figures = Adherence.of(read.schedules(), AgentState.LOGGED_OUT, changes,
                at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z"));

        assertThat(figures.scheduledMs()).isEqualTo(9 * 60 * MINUTE);
        assertThat(figures.adheredMs()).isEqualTo(9 * 60 * MINUTE - 5 * MINUTE);
        assertThat(figures.ratio()).isCloseTo((540.0 - 5) / 540, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aLateSignInAndAnEarlySignOutCostTheirMinutesAndAShiftWhenTheClocksGoForwardIsShorter() {
        // 2026-03-29: clocks go forward at 01:00 GMT: a 00:00-08:00 shift is 7 hours
        RosterCsv.Result read = RosterCsv.read("agent,date,start,end\na1,2026-03-29,00:00,08:00\n", LONDON, Set.of());
        Schedule spring = read.schedules().get(0);
        assertThat(spring.shift().end() - spring.shift().start()).isEqualTo(7 * 60 * MINUTE);

        Adherence.Figures figures = Adherence.of(read.schedules(), AgentState.LOGGED_OUT, List.of(
                new Adherence.Change(spring.shift().start() + 10 * MINUTE, AgentState.READY),
                new Adherence.Change(spring.shift().end() - 20 * MINUTE, AgentState.LOGGED_OUT)),
                spring.shift().start() - 60 * MINUTE, spring.shift().end() + 60 * MINUTE);
        assertThat(figures.adheredMs()).isEqualTo(7 * 60 * MINUTE - 30 * MINUTE);
    }

    @Test
    void aRosterWithMistakesIsRefusedWholeWithEachLine() {
        RosterCsv.Result read = RosterCsv.read("""
                agent,date,start,end,breaks
                a1,2026-12-01,06:00,14:00,10:00-10:15
                a1,2026-12-01,13:00,20:00,
                a2,2026-12-01,25:00,14:00,
                a3,2026-12-01,06:00,14:00,15:00-15:15
                nobody,2026-12-01,06:00,14:00,
                a4,2026-12-01,06:00,05:00,
                """, LONDON, Set.of("a1", "a2", "a3", "a4"));

        assertThat(read.ok()).isFalse();
        assertThat(read.schedules()).isEmpty();
        assertThat(read.problems()).containsExactlyInAnyOrder(
                "line 4: start '25:00' is not a time of day (HH:MM)",
                "line 5: break 15:00-15:15 is not within the shift 06:00-14:00",
                "line 6: agent 'nobody' is not in the agent directory",
                "line 7: the shift 06:00-05:00 is longer than 16 hours",
                "line 3: agent a1's shift overlaps the one on line 2");
    }

    @Test
    void theRosterSaysWhatAnAgentDoesAtAMoment() {
        RosterCsv.Result read = RosterCsv.read("agent,date,start,end,breaks\na1,2026-12-01,06:00,14:00,10:00-10:15\n",
                ZoneId.of("UTC"), Set.of());
        Roster roster = new Roster(read.schedules());
        assertThat(roster.activityAt("a1", at("2026-12-01T05:59:00Z"))).isEqualTo(Activity.OFF);
        assertThat(roster.activityAt("a1", at("2026-12-01T06:00:00Z"))).isEqualTo(Activity.WORK);
        assertThat(roster.activityAt("a1", at("2026-12-01T10:05:00Z"))).isEqualTo(Activity.BREAK);
        assertThat(roster.activityAt("a2", at("2026-12-01T10:05:00Z"))).isEqualTo(Activity.OFF);
        assertThat(StaffingIntervals.scheduled(roster, List.of("a1", "a2"), at("2026-12-01T09:45:00Z"),
                at("2026-12-01T10:30:00Z"))).containsExactly(1, 0, 1);
    }
}
