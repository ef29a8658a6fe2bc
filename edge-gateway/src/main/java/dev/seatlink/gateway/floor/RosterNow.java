package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.roster.Activity;
import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.roster.Schedule;
import dev.seatlink.gateway.roster.Span;
import dev.seatlink.gateway.site.TeamSpec;
import dev.seatlink.protocol.AgentState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roster against the floor at one tick, from one walk over the seats.
 *
 * <p>Its alerts, {@value #GRACE_MS} ms after the schedule says so: an agent scheduled to work who has not signed in
 * (late sign-in), who signed out during the shift (early sign-out), or whose scheduled break is over while they
 * are still Not ready (break overrun). Only agents the roster schedules now are looked at.
 *
 * @param alerts          the roster's alerts holding now
 * @param scheduledByTeam per team of the site, the agents the roster has working now: counted in the team they sit
 *                        in when signed in, else their home team in the agent directory
 */
record RosterNow(List<Alert> alerts, Map<String, Integer> scheduledByTeam) {
    static final long GRACE_MS = 5 * 60_000L;
    static final RosterNow NONE = new RosterNow(List.of(), Map.of());

    static RosterNow of(Roster roster, AgentDirectory agents, Collection<LiveSeat> seats, List<TeamSpec> teams,
                        long now) {
        if (roster.isEmpty()) {
            return NONE;
        }
        Map<String, LiveSeat> seatOf = new HashMap<>();
        for (LiveSeat seat : seats) {
            if (seat.agent != null && (seat.loggedIn() || !seatOf.containsKey(seat.agent))) {
                seatOf.put(seat.agent, seat);
            }
        }
        Map<String, Integer> scheduled = new LinkedHashMap<>();
        teams.forEach(team -> scheduled.put(team.id(), 0));
        List<Alert> alerts = new ArrayList<>();
        for (String agent : roster.agents()) {
            Schedule schedule = roster.at(agent, now).orElse(null);
            if (schedule == null || schedule.activityAt(now) != Activity.WORK) {
                continue;
            }
            LiveSeat seat = seatOf.get(agent);
            boolean signedIn = seat != null && seat.loggedIn() && seat.isOnline();
            String homeTeam = agents.agent(agent).map(a -> a.team()).orElse(null);
            String team = signedIn || homeTeam == null && seat != null ? seat.spec.team() : homeTeam;
            if (team != null) {
                scheduled.computeIfPresent(team, (t, n) -> n + 1);
            }
            Alert alert = signedIn ? breakOverrun(agents, agent, seat, schedule, now)
                    : notSignedIn(agents, agent, seat, schedule, now);
            if (alert != null) {
                alerts.add(alert);
            }
        }
        return new RosterNow(List.copyOf(alerts), Map.copyOf(scheduled));
    }

    private static Alert notSignedIn(AgentDirectory agents, String agent, LiveSeat seat, Schedule schedule, long now) {
        boolean wasIn = seat != null && seat.state == AgentState.LOGGED_OUT && seat.since > schedule.shift().start();
        long due = wasIn ? seat.since : schedule.shift().start();
        if (now - due <= GRACE_MS) {
            return null;
        }
        String type = wasIn ? Alert.EARLY_SIGN_OUT : Alert.LATE_SIGN_IN;
        return new Alert(type + ":" + agent, type, teamOf(agents, agent, seat), seat == null ? null : seat.spec.seat(),
                agent, nameOf(agents, agent) + (wasIn ? " signed out during the scheduled shift"
                        : " has not signed in for the scheduled shift"), now);
    }

    private static Alert breakOverrun(AgentDirectory agents, String agent, LiveSeat seat, Schedule schedule,
                                      long now) {
        Span lastBreak = schedule.breaks().stream().filter(b -> b.end() <= now).reduce((a, b) -> b).orElse(null);
        if (lastBreak == null || seat.state != AgentState.NOT_READY || seat.since >= lastBreak.end()
                || now - lastBreak.end() <= GRACE_MS) {
            return null;
        }
        return new Alert(Alert.BREAK_OVERRUN + ":" + agent, Alert.BREAK_OVERRUN, teamOf(agents, agent, seat),
                seat.spec.seat(), agent, nameOf(agents, agent) + "'s break ran past its scheduled end", now);
    }

    /** An alert's team: the seat's the agent is at (or listed at), else their home team. */
    private static String teamOf(AgentDirectory agents, String agent, LiveSeat seat) {
        return seat != null ? seat.spec.team() : agents.agent(agent).map(a -> a.team()).orElse(null);
    }

    private static String nameOf(AgentDirectory agents, String agent) {
        return agents.agent(agent).map(a -> a.name()).orElse(agent);
    }
}
