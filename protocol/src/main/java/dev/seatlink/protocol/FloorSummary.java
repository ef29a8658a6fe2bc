package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The floor aggregate the gateway keeps retained on {@code …/summary}.
 *
 * @param seats  seats in the seat map
 * @param online seats whose terminal is connected
 * @param help   seats with a raised hand
 * @param states seat count per state, OFFLINE included
 * @param teams  per team, seat count per state
 * @param occupancy     the floor's occupancy over the shift so far, in whole percent; null before any
 * @param teamOccupancy per team, the same (teams without figures yet left out)
 * @param alerts        alerts in force
 */
public record FloorSummary(
        @JsonProperty(required = true) long ts,
        @JsonProperty(required = true) int seats,
        @JsonProperty(required = true) int online,
        @JsonProperty(required = true) int help,
        Map<String, Integer> states,
        Map<String, Map<String, Integer>> teams,
        Integer occupancy,
        Map<String, Integer> teamOccupancy,
        int alerts) implements Message {

    public FloorSummary {
        Check.timestamp("ts", ts);
        states = Map.copyOf(Check.notNull("states", states));
        teams = Map.copyOf(Check.notNull("teams", teams));
        teamOccupancy = teamOccupancy == null ? Map.of() : Map.copyOf(teamOccupancy);
    }

    /** Counts only, as before KPIs are known. */
    public FloorSummary(long ts, int seats, int online, int help, Map<String, Integer> states,
                        Map<String, Map<String, Integer>> teams) {
        this(ts, seats, online, help, states, teams, null, Map.of(), 0);
    }

    /** The same summary at another time: two summaries that differ only in {@code ts} say the same. */
    public FloorSummary at(long newTs) {
        return new FloorSummary(newTs, seats, online, help, states, teams, occupancy, teamOccupancy, alerts);
    }
}
