package dev.seatlink.gateway.report;

import dev.seatlink.gateway.calls.CallFigures;
import dev.seatlink.gateway.calls.CallKpis;
import java.util.List;
import java.util.Map;

/**
 * One agent's or one team's figures over a report's period. Times in milliseconds.
 *
 * @param key            the agent id, team id, business line or floor id
 * @param name           what people call it: the agent's name from the directory, the team's name; else the key
 * @param teams          the teams whose seats the time was spent at
 * @param msInState      time in each agent state
 * @param contacts       entries into BUSY
 * @param averageHandleMs (busy + wrap-up) per contact
 * @param averageWrapUpMs wrap-up per contact
 * @param helpRequests   hands raised
 * @param averageHelpWaitMs how long a raised hand waited on average until lowered or taken
 * @param occupancy      (busy + wrap-up) / (busy + wrap-up + ready), null without any of those
 * @param calls          the phone system's calls that ended in the period (handled, AHT, ASA, missed, hold), null
 *                       without any
 */
public record ReportRow(String key, String name, List<String> teams, Map<String, Long> msInState, int contacts,
                        long averageHandleMs, long averageWrapUpMs, int helpRequests, long averageHelpWaitMs,
                        long longestHelpWaitMs, Double occupancy, CallKpis.Figures calls) {

    /** The same row under the name people know it by. */
    public ReportRow withName(String newName) {
        return new ReportRow(key, newName, teams, msInState, contacts, averageHandleMs, averageWrapUpMs, helpRequests,
                averageHelpWaitMs, longestHelpWaitMs, occupancy, calls);
    }

    /** The same row with its call figures. */
    public ReportRow withCalls(CallFigures figures) {
        return new ReportRow(key, name, teams, msInState, contacts, averageHandleMs, averageWrapUpMs, helpRequests,
                averageHelpWaitMs, longestHelpWaitMs, occupancy, figures == null ? null : CallKpis.Figures.of(figures));
    }
}
