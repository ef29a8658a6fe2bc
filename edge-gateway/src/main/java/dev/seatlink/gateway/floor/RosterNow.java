package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.roster.Activity;
import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.roster.Schedule;
import dev.seatlink.gateway.roster.Span;
import dev.seatlink.protocol.AgentState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The roster's alerts, {@value #GRACE_MS} ms after the schedule says so: an agent scheduled to work who has not
 * signed in (late sign-in), who signed out during the shift (early sign-out), or whose scheduled break is over
 * while they are still Not ready (break overrun). Only agents the roster schedules now are looked at.
 */
final class RosterAlerts {
    static final long GRACE_MS = 5 * 60_000L;

    private RosterAlerts() {
    }

    static List<Alert> holding(Roster roster, AgentDirectory agents, Collection<LiveSeat> seats, long now) {
        if (roster.isEmpty()) {
            return List.of();
        }
        Map<String, LiveSeat> seatOf = new HashMap<>();
        for (LiveSeat seat : seats) {
            if (seat.agent != null && (seat.loggedIn() || !seatOf.containsKey(seat.agent))) {
                seatOf.put(seat.agent, seat);
            }
        }
        List<Alert> alerts = new ArrayList<>();
        for (String agent : roster.agents()) {
            Schedule schedule = roster.at(agent, now).orElse(null);
            if (schedule == null || schedule.activityAt(now) != Activity.WORK) {
                continue;
            }
            LiveSeat seat = seatOf.get(agent);
            String team = seat != null ? seat.spec.team() : agents.agent(agent).map(a -> a.team()).orElse(null);
            String name = agents.agent(agent).map(a -> a.name()).orElse(agent);
            boolean signedIn = seat != null && seat.loggedIn() && seat.isOnline();
            if (!signedIn) {
                boolean wasIn = seat != null && seat.state == AgentState.LOGGED_OUT && seat.since > schedule.shift().start();
                long due = wasIn ? seat.since : schedule.shift().start();
                if (now - due > GRACE_MS) {
                    String type = wasIn ? Alert.EARLY_SIGN_OUT : Alert.LATE_SIGN_IN;
                    alerts.add(new Alert(type + ":" + agent, type, team, seat == null ? null : seat.spec.seat(), agent,
                            name + (wasIn ? " signed out during the scheduled shift" : " has not signed in for the "
                                    + "scheduled shift"), now));
                }
                continue;
            }
            Span lastBreak = schedule.breaks().stream().filter(b -> b.end() <= now).reduce((a, b) -> b).orElse(null);
            if (lastBreak != null && seat.state == AgentState.NOT_READY && seat.since < lastBreak.end()
                    && now - lastBreak.end() > GRACE_MS) {
                alerts.add(new Alert(Alert.BREAK_OVERRUN + ":" + agent, Alert.BREAK_OVERRUN, team, seat.spec.seat(),
                        agent, name + "'s break ran past its scheduled end", now));
            }
        }
        return alerts;
    }
}
