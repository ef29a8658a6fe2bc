package dev.seatlink.gateway.shift;

import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.audit.AuditLog;
import dev.seatlink.gateway.floor.Alert;
import dev.seatlink.gateway.floor.HelpRequest;
import dev.seatlink.gateway.report.ReportRow;
import dev.seatlink.gateway.report.ReportRun;
import dev.seatlink.gateway.report.TimeInStateReport;
import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.TeamSpec;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.protocol.AgentState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts a shift's handover report together from the store (events and calls per team and agent), the audit
 * trail and the shift's records. Blocking: a worker's thread.
 */
public final class HandoverBuilder {
    static final int MAX_ACTION_LINES = 1_000;
    private final EventStore store;
    private final AuditLog audit;
    private final ShiftRecords records;

    public HandoverBuilder(EventStore store, AuditLog audit, ShiftRecords records) {
        this.store = store;
        this.audit = audit;
        this.records = records;
    }

    /**
     * The report of {@code [shiftStart, end)}.
     *
     * @param complete    whether the shift has ended ({@code end} is its end; else now)
     * @param openAlerts  alerts active as the report is made (none for a shift long over)
     * @param raisedHands hands still raised as the report is made
     */
    public HandoverReport build(SiteConfig site, AgentDirectory agents, Roster roster, long shiftStart, long end,
                                long producedAt, boolean complete, List<Alert> openAlerts,
                                List<HelpRequest> raisedHands) {
        List<String> seats = site.seats().stream().map(SeatSpec::seat).toList();
        List<ReportRow> teams = ReportRun.rows(store, site, shiftStart, end, seats, seat -> true,
                TimeInStateReport.BY_TEAM, agents);
        List<ReportRow> byAgent = ReportRun.rows(store, site, shiftStart, end, seats, seat -> true,
                TimeInStateReport.BY_AGENT, agents);
        List<AuditEntry> lines = audit.read(new AuditLog.Query(shiftStart, end, 0, null, null, MAX_ACTION_LINES));
        List<DutyLogEntry> log = records.log(shiftStart, end);
        return new HandoverReport(site.site(), site.floor(), shiftStart, end, producedAt, complete,
                staffing(site, byAgent, agents, roster, shiftStart, end), teams, help(teams, lines), records.alerts(shiftStart, end),
                actions(lines), log, new HandoverReport.OpenItems(openAlerts, raisedHands,
                log.stream().filter(DutyLogEntry::open).toList()));
    }

    /**
     * Agents who spent time signed in at a team's seats, against the agents of the team (their home team in the
     * directory) the roster scheduled in the shift (null without a roster).
     */
    private static List<HandoverReport.Staffing> staffing(SiteConfig site, List<ReportRow> byAgent,
                                                          AgentDirectory agents, Roster roster, long from, long to) {
        Map<String, List<String>> worked = new LinkedHashMap<>();
        site.teams().forEach(team -> worked.put(team.id(), new ArrayList<>()));
        for (ReportRow agent : byAgent) {
            long signedIn = java.util.Arrays.stream(AgentState.values()).filter(AgentState::signedIn)
                    .mapToLong(state -> agent.msInState().getOrDefault(state.name(), 0L)).sum();
            if (signedIn > 0) {
                agent.teams().forEach(team -> worked.computeIfAbsent(team, t -> new ArrayList<>()).add(agent.name()));
            }
        }
        List<HandoverReport.Staffing> staffing = new ArrayList<>();
        for (TeamSpec team : site.teams()) {
            List<String> names = worked.get(team.id());
            Integer scheduled = roster.isEmpty() ? null : (int) agents.all().stream()
                    .filter(a -> team.id().equals(a.team()) && !roster.of(a.id(), from, to).isEmpty()).count();
            staffing.add(new HandoverReport.Staffing(team.id(), team.name(), scheduled, names.size(), names));
        }
        return staffing;
    }

    private static HandoverReport.Help help(List<ReportRow> teams, List<AuditEntry> lines) {
        Map<String, Integer> takenBy = new TreeMap<>();
        lines.stream().filter(line -> "ack-help".equals(line.action()) && AuditEntry.OK.equals(line.outcome()))
                .forEach(line -> takenBy.merge(line.user(), 1, Integer::sum));
        return new HandoverReport.Help(teams.stream().mapToInt(ReportRow::helpRequests).sum(),
                teams.stream().mapToLong(ReportRow::longestHelpWaitMs).max().orElse(0), takenBy);
    }

    private static HandoverReport.Actions actions(List<AuditEntry> lines) {
        Map<String, Integer> counts = new TreeMap<>();
        lines.forEach(line -> counts.merge(line.action() + " " + line.outcome(), 1, Integer::sum));
        return new HandoverReport.Actions(counts, lines);
    }
}
