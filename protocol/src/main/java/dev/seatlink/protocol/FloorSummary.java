package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The floor aggregate the primary gateway keeps retained on {@code …/summary}, for the centre view.
 * {@code staffed}, {@code groups}, {@code helpQueue}, {@code alertList} and {@code gateway} were added after v1
 * (older gateways leave them out; older readers ignore them).
 *
 * @param seats  seats in the seat map
 * @param online seats whose terminal is connected
 * @param help   seats with a raised hand
 * @param states seat count per state, OFFLINE included
 * @param teams  per team, seat count per state
 * @param occupancy     the floor's occupancy over the shift so far, in whole percent; null before any
 * @param teamOccupancy per team, the same (teams without figures yet left out)
 * @param alerts        alerts in force
 * @param staffed       seats online with an agent logged in; null from an older gateway
 * @param groups        per grouping ({@code businessLine}, {@code customerTier}, {@code skillTier}), per group
 * @param helpQueue     the raised hands, longest waiting first, at most {@value #MAX_LISTED}
 * @param alertList     the alerts in force, at most {@value #MAX_LISTED}
 * @param gateway       the id of the gateway that published it
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
        int alerts,
        Integer staffed,
        Map<String, Map<String, Group>> groups,
        List<Help> helpQueue,
        List<AlertItem> alertList,
        String gateway) implements Message {
    /** Raised hands and alerts listed at most; the counts say how many there are. */
    public static final int MAX_LISTED = 100;
    /** A floor's summary lists every team: far beyond a seat message's limit, still bounded. */
    public static final int MAX_BYTES = 256 * 1024;

    /**
     * One group's figures (a business line, a customer tier, a skill tier) on the floor.
     *
     * @param occupancy in whole percent over the shift so far; null before any
     */
    public record Group(int seats, int staffed, int ready, int busy, int wrapUp, int notReady, int help,
                        Integer occupancy) {
    }

    /** A raised hand: where, whose, since when (terminal clock) and which team is asked to take it. */
    public record Help(String seat, String agent, String team, String routedTo, long since) {
        public Help {
            Check.id("seat", seat);
        }
    }

    /** An alert in force. */
    public record AlertItem(String id, String type, String team, String seat, String text, long since) {
        public AlertItem {
            Check.notNull("id", id);
            Check.notNull("text", text);
        }
    }

    public FloorSummary {
        Check.timestamp("ts", ts);
        states = Map.copyOf(Check.notNull("states", states));
        teams = Map.copyOf(Check.notNull("teams", teams));
        teamOccupancy = teamOccupancy == null ? Map.of() : Map.copyOf(teamOccupancy);
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        helpQueue = helpQueue == null ? List.of() : List.copyOf(helpQueue);
        alertList = alertList == null ? List.of() : List.copyOf(alertList);
        Check.that(helpQueue.size() <= MAX_LISTED && alertList.size() <= MAX_LISTED, RejectReason.BAD_VALUE,
                "at most " + MAX_LISTED + " raised hands and alerts are listed");
    }

    /** Counts only, as before KPIs are known. */
    public FloorSummary(long ts, int seats, int online, int help, Map<String, Integer> states,
                        Map<String, Map<String, Integer>> teams) {
        this(ts, seats, online, help, states, teams, null, Map.of(), 0, null, Map.of(), List.of(), List.of(), null);
    }

    /** The same summary at another time: two summaries that differ only in {@code ts} say the same. */
    public FloorSummary at(long newTs) {
        return new FloorSummary(newTs, seats, online, help, states, teams, occupancy, teamOccupancy, alerts, staffed,
                groups, helpQueue, alertList, gateway);
    }
}
