package dev.seatlink.gateway.floor;

import java.util.Map;

/**
 * Live figures for the floor or one group of its seats (a team, business line, customer tier or
 * skill tier). Definitions are in the gateway README.
 *
 * @param grouping         floor, team, businessLine, customerTier or skillTier
 * @param key              the group's id (the team id, "vip", "expert", …; the floor's id for the floor)
 * @param staffed          seats online with an agent logged in
 * @param notReadyByReason not-ready seats per reason code
 * @param offline          seats whose terminal is not connected
 * @param help             raised hands
 * @param occupancy        (busy + wrap-up) / (busy + wrap-up + ready) time over the shift so far; null before any
 * @param longestInStateMs the longest time a staffed seat has been in its current state
 * @param longestHelpWaitMs the longest a raised hand has waited, 0 when none is raised
 */
public record GroupKpis(String grouping, String key, int seats, int staffed, int ready, int busy, int wrapUp,
                        int notReady, Map<String, Integer> notReadyByReason, int offline, int help, Double occupancy,
                        long longestInStateMs, String longestInStateSeat, long longestHelpWaitMs) {

    public GroupKpis {
        notReadyByReason = Map.copyOf(notReadyByReason);
    }
}
