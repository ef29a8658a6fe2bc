package dev.seatlink.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.Sites;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Agents move between seats mid-shift (hot-desking, a move): whatever the moves, the signed-in time the report
 * gives the agents adds up to the signed-in time of the seats, state by state — nothing lost, nothing counted twice.
 */
class TimePerAgentSumsToTimePerSeatTest {
    private static final long T = 1_764_568_800_000L; // 2025-12-01T06:00:00Z, a shift's start on Sites.twoTeams
    private static final SiteConfig SITE = Sites.twoTeams();
    private static final List<String> SEATS = List.of("s-1", "s-2", "s-3");
    private static final List<String> WORKING = List.of("READY", "BUSY", "WRAP_UP", "NOT_READY");

    /** One step: an agent goes to a seat (signing out of where they were, and whoever sat there) in a state. */
    record Step(String agent, String seat, AgentState state, long afterMs) {
    }

    @Property(tries = 300)
    void signedInTimePerAgentSumsToSignedInTimePerSeat(@ForAll("days") List<Step> steps) {
        List<SeatEvent> events = new ArrayList<>();
        Map<String, String> agentAt = new HashMap<>(); // seat -> agent signed in there
        Map<String, AgentState> stateAt = new HashMap<>();
        Map<String, Long> seqOf = new HashMap<>();
        long now = T;
        for (Step step : steps) {
            now += step.afterMs();
            for (String seat : SEATS) { // sign the agent out where they sit, and whoever sits at the seat they go to
                if (step.agent().equals(agentAt.get(seat)) || seat.equals(step.seat()) && agentAt.containsKey(seat)) {
                    events.add(event(seat, agentAt.remove(seat), stateAt.remove(seat), AgentState.LOGGED_OUT, now,
                            seqOf));
                }
            }
            events.add(event(step.seat(), step.agent(), AgentState.LOGGED_OUT, step.state(), now, seqOf));
            agentAt.put(step.seat(), step.agent());
            stateAt.put(step.seat(), step.state());
        }
        long end = now + 60_000;

        List<ReportRow> byAgent = TimeInStateReport.of(SITE, events, T, end, TimeInStateReport.BY_AGENT, s -> true);
        List<ReportRow> byFloor = TimeInStateReport.of(SITE, events, T, end, TimeInStateReport.BY_FLOOR, s -> true);

        for (String state : WORKING) {
            long agents = byAgent.stream().mapToLong(r -> r.msInState().getOrDefault(state, 0L)).sum();
            assertThat(agents).as(state).isEqualTo(byFloor.get(0).msInState().getOrDefault(state, 0L));
        }
    }

    private static SeatEvent event(String seat, String agent, AgentState from, AgentState to, long at,
                                   Map<String, Long> seqOf) {
        return new SeatEvent(seat, agent, from, to, to == AgentState.NOT_READY ? "break" : null, false, at,
                seqOf.merge(seat, 1L, Long::sum), "b-" + seat, Cause.BUTTON);
    }

    @Provide
    Arbitrary<List<Step>> days() {
        return Combinators.combine(Arbitraries.of("a1", "a2", "a3", "a4"), Arbitraries.of(SEATS),
                Arbitraries.of(AgentState.READY, AgentState.BUSY, AgentState.WRAP_UP, AgentState.NOT_READY),
                Arbitraries.longs().between(0, 3_600_000)).as(Step::new).list().ofMinSize(1).ofMaxSize(40);
    }
}
