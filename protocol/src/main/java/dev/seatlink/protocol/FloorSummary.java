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
 */
public record FloorSummary(
        @JsonProperty(required = true) long ts,
        @JsonProperty(required = true) int seats,
        @JsonProperty(required = true) int online,
        @JsonProperty(required = true) int help,
        Map<String, Integer> states,
        Map<String, Map<String, Integer>> teams) implements Message {

    public FloorSummary {
        Check.timestamp("ts", ts);
        states = Map.copyOf(Check.notNull("states", states));
        teams = Map.copyOf(Check.notNull("teams", teams));
    }
}
