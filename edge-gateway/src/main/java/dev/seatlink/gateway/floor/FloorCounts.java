package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.protocol.AgentState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seat counts for the floor and per team.
 *
 * @param states seats per shown state (OFFLINE included), every state present
 * @param teams  per team, seats per shown state
 */
public record FloorCounts(int seats, int online, int help, Map<String, Integer> states,
                          Map<String, Map<String, Integer>> teams) {

    /** From immutable views, so it may run on a worker. */
    static FloorCounts of(SiteConfig site, Collection<SeatView> seats) {
        Map<String, Integer> states = emptyCounts();
        Map<String, Map<String, Integer>> perTeam = new LinkedHashMap<>();
        site.teams().forEach(team -> perTeam.put(team.id(), emptyCounts()));
        int online = 0;
        int help = 0;
        for (SeatView seat : seats) {
            states.merge(seat.state(), 1, Integer::sum);
            perTeam.get(seat.team()).merge(seat.state(), 1, Integer::sum);
            online += seat.online() ? 1 : 0;
            help += seat.help() ? 1 : 0;
        }
        return new FloorCounts(seats.size(), online, help, states, perTeam);
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AgentState state : AgentState.values()) {
            counts.put(state.name(), 0);
        }
        counts.put(SeatView.OFFLINE, 0);
        return counts;
    }
}
