package dev.seatlink.gateway.report;

import dev.seatlink.gateway.floor.AgentTime;
import dev.seatlink.gateway.floor.TimeLedger;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.SeatEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Time in state per agent or per team over a period, from stored transitions. Pure. */
public final class TimeInStateReport {
    public static final String BY_AGENT = "agent";
    public static final String BY_TEAM = "team";

    private TimeInStateReport() {
    }

    /**
     * @param events  the period's events as {@code EventStore.window} returns them (per seat in seq order)
     * @param end     where running intervals stop: the period's end, or now for a period still running
     * @param visible which seats the reader may see (a team leader: their teams')
     */
    public static List<ReportRow> of(SiteConfig site, List<SeatEvent> events, long from, long end, String group,
                                     Predicate<SeatSpec> visible) {
        TimeLedger ledger = new TimeLedger(from);
        for (SeatEvent event : events) {
            SeatSpec seat = site.seatsById().get(event.seat());
            if (seat != null && visible.test(seat) && event.at() < end) {
                ledger.record(event);
            }
        }
        Map<String, AgentTime> sums = new TreeMap<>();
        Map<String, Set<String>> teams = new LinkedHashMap<>();
        for (AgentTime time : ledger.figuresAt(end)) {
            String team = site.seatsById().get(time.seat()).team();
            String key = BY_TEAM.equals(group) ? team : time.agent();
            sums.merge(key, time, (a, b) -> a.plus(b, null, key));
            teams.computeIfAbsent(key, k -> new TreeSet<>()).add(team);
        }
        List<ReportRow> rows = new ArrayList<>();
        sums.forEach((key, time) -> rows.add(row(key, List.copyOf(teams.get(key)), time)));
        return rows;
    }

    private static ReportRow row(String key, List<String> teams, AgentTime t) {
        long handling = t.ms(AgentState.BUSY) + t.ms(AgentState.WRAP_UP);
        long available = handling + t.ms(AgentState.READY);
        return new ReportRow(key, teams, t.byStateName(), t.contacts(), t.averageHandleMs(), t.averageWrapUpMs(),
                t.helpRequests(), t.helpRequests() == 0 ? 0 : t.helpWaitMs() / t.helpRequests(), t.helpWaitMaxMs(),
                available == 0 ? null : (double) handling / available);
    }

    /** The rows as CSV for a spreadsheet: times in whole seconds, occupancy as a fraction. */
    public static String csv(String group, List<ReportRow> rows) {
        StringBuilder out = new StringBuilder(group).append(",teams");
        for (AgentState state : AgentState.values()) {
            out.append(',').append(state.name().toLowerCase(java.util.Locale.ROOT)).append("_s");
        }
        out.append(",contacts,avg_handle_s,avg_wrap_up_s,help_requests,avg_help_wait_s,max_help_wait_s,occupancy\r\n");
        for (ReportRow row : rows) {
            out.append(row.key()).append(',').append(String.join(" ", row.teams()));
            for (AgentState state : AgentState.values()) {
                out.append(',').append(row.msInState().get(state.name()) / 1000);
            }
            out.append(',').append(row.contacts()).append(',').append(row.averageHandleMs() / 1000)
                    .append(',').append(row.averageWrapUpMs() / 1000).append(',').append(row.helpRequests())
                    .append(',').append(row.averageHelpWaitMs() / 1000).append(',').append(row.longestHelpWaitMs() / 1000)
                    .append(',').append(row.occupancy() == null ? "" : String.format(java.util.Locale.ROOT, "%.3f",
                            row.occupancy()))
                    .append("\r\n");
        }
        return out.toString();
    }
}
