package dev.seatlink.gateway.shift;

import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.floor.Alert;
import dev.seatlink.gateway.floor.HelpRequest;
import dev.seatlink.gateway.report.ReportRow;
import java.util.List;
import java.util.Map;

/**
 * What one duty manager hands to the next at a shift's end.
 *
 * @param complete  false for the running shift's report so far
 * @param staffing  per team: scheduled (the roster's, null without one) against the agents who worked there
 * @param teams     per team: time in state, contacts, handle times, help, occupancy and calls over the shift
 * @param help      the shift's raised hands: how many, the longest wait, who took them
 * @param alerts    every alert raised and cleared during the shift
 * @param actions   the supervisors' actions (from the audit trail), counted and listed
 * @param log       the duty log's lines
 * @param open      what the next shift inherits: alerts still active, hands still raised, log lines left open
 */
public record HandoverReport(String site, String floor, long shiftStart, long shiftEnd, long producedAt,
                             boolean complete, List<Staffing> staffing, List<ReportRow> teams, Help help,
                             List<AlertRecord> alerts, Actions actions, List<DutyLogEntry> log, OpenItems open) {

    /** A team's staffing over the shift. */
    public record Staffing(String team, String name, Integer scheduled, int staffed, List<String> agents) {
    }

    public record Help(int requests, long longestWaitMs, Map<String, Integer> takenBy) {
    }

    /**
     * @param counts each {@code action outcome} pair, how often
     * @param lines  the audit lines, oldest first (at most {@value HandoverBuilder#MAX_ACTION_LINES})
     */
    public record Actions(Map<String, Integer> counts, List<AuditEntry> lines) {
    }

    public record OpenItems(List<Alert> alerts, List<HelpRequest> hands, List<DutyLogEntry> log) {
    }
}
