package dev.seatlink.gateway.report;

import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.calls.CallFigures;
import dev.seatlink.gateway.calls.CallKpis;
import dev.seatlink.gateway.floor.AgentTime;
import dev.seatlink.gateway.floor.TimeLedger;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.TeamSpec;
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

/**
 * Time in state per agent, team, business line or the whole floor over a period, from stored transitions fed one
 * at a time (the store streams them), so memory grows with the seats and agents of the period, never with its
 * events. Pure.
 */
public final class TimeInStateReport {
    public static final String BY_AGENT = "agent";
    public static final String BY_TEAM = "team";
    public static final String BY_BUSINESS_LINE = "businessLine";
    public static final String BY_FLOOR = "floor";
    /** The groupings a report may be asked for. */
    public static final java.util.List<String> GROUPS = java.util.List.of(BY_AGENT, BY_TEAM, BY_BUSINESS_LINE, BY_FLOOR);
    /**
     * At most this many seat-and-agent figures in one report: seats have a handful of agents each, so
     * only a floor fed nonsense agent ids gets near it, and the report is refused rather than grow.
     */
    public static final int MAX_FIGURES = 100_000;

    private final SiteConfig site;
    private final long end;
    private final Predicate<SeatSpec> visible;
    private final TimeLedger ledger;

    /** The report is larger than {@link #MAX_FIGURES}: refused rather than grown without bound. */
    public static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("the period holds more than " + MAX_FIGURES + " agent-and-seat figures; choose a shorter period");
        }
    }

    /**
     * @param end     where running intervals stop: the period's end, or now for a period still running
     * @param visible which seats the reader may see (a team leader: their teams'); the store already reads
     *                only those, this keeps the report right on its own
     */
    public TimeInStateReport(SiteConfig site, long from, long end, Predicate<SeatSpec> visible) {
        this.site = site;
        this.end = end;
        this.visible = visible;
        this.ledger = new TimeLedger(from);
    }

    /** The period's events as {@code EventStore.window} streams them (each seat's in seq order). */
    public static List<ReportRow> of(SiteConfig site, List<SeatEvent> events, long from, long end, String group,
                                     Predicate<SeatSpec> visible) {
        TimeInStateReport report = new TimeInStateReport(site, from, end, visible);
        events.forEach(report::add);
        return report.rows(group);
    }

    /** One stored event; each seat's must come in seq order. */
    public void add(SeatEvent event) {
        SeatSpec seat = site.seatsById().get(event.seat());
        if (seat != null && visible.test(seat) && event.at() < end) {
            ledger.record(event);
            if (ledger.size() > MAX_FIGURES) {
                throw new TooLarge();
            }
        }
    }

    /** The rows per agent or per team, sorted by key. */
    public List<ReportRow> rows(String group) {
        Map<String, AgentTime> sums = new TreeMap<>();
        Map<String, Set<String>> teams = new LinkedHashMap<>();
        for (AgentTime time : ledger.figuresAt(end)) {
            String team = site.seatsById().get(time.seat()).team();
            String key = BY_AGENT.equals(group) ? time.agent() : keyOf(group, team);
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
        return new ReportRow(key, key, teams, t.byStateName(), t.contacts(), t.averageHandleMs(), t.averageWrapUpMs(),
                t.helpRequests(), t.helpRequests() == 0 ? 0 : t.helpWaitMs() / t.helpRequests(), t.helpWaitMaxMs(),
                available == 0 ? null : (double) handling / available, null);
    }

    /**
     * The rows with the names people know them by: agents' from {@code agents} (the directory), teams' from the
     * site config; others keep their key.
     */
    public List<ReportRow> named(List<ReportRow> rows, String group, AgentDirectory agents) {
        return rows.stream().map(row -> {
            String name = switch (group) {
                case BY_AGENT -> agents.nameOf(row.key());
                case BY_TEAM -> site.team(row.key()).map(TeamSpec::name).orElse(null);
                default -> null;
            };
            return name == null ? row : row.withName(name);
        }).toList();
    }

    /** A CSV field: quoted when it holds a comma or a quote (a name such as "Berg, Anna"). */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** The key of a team's row in a grouping other than per agent: the team, its business line, or the floor. */
    private String keyOf(String group, String team) {
        return switch (group) {
            case BY_TEAM -> team;
            case BY_BUSINESS_LINE -> site.team(team).map(TeamSpec::businessLine).orElse(team);
            default -> site.floor();
        };
    }

    /**
     * Each row with the period's call figures of its key, from {@code calls} per agent ({@link #BY_AGENT}) or per
     * team (every other grouping, summed here into business lines or the floor).
     */
    public List<ReportRow> withCalls(List<ReportRow> rows, String group, Map<String, CallFigures> calls) {
        if (calls.isEmpty()) {
            return rows;
        }
        Map<String, CallFigures> byKey = new java.util.HashMap<>();
        calls.forEach((key, f) -> byKey.merge(BY_AGENT.equals(group) ? key : keyOf(group, key), f, CallFigures::plus));
        return rows.stream().map(row -> row.withCalls(byKey.get(row.key()))).toList();
    }

    /**
     * The rows as CSV for a spreadsheet: times in whole seconds, occupancy as a fraction; the call columns are
     * empty for a row without calls.
     */
    public static String csv(String group, List<ReportRow> rows) {
        StringBuilder out = new StringBuilder(group).append(",name,teams");
        for (AgentState state : AgentState.values()) {
            out.append(',').append(state.name().toLowerCase(java.util.Locale.ROOT)).append("_s");
        }
        out.append(",contacts,avg_handle_s,avg_wrap_up_s,help_requests,avg_help_wait_s,max_help_wait_s,occupancy")
                .append(",calls_handled,call_avg_handle_s,call_avg_speed_of_answer_s,calls_missed,call_hold_s\r\n");
        for (ReportRow row : rows) {
            out.append(row.key()).append(',').append(csvField(row.name())).append(',')
                    .append(String.join(" ", row.teams()));
            for (AgentState state : AgentState.values()) {
                out.append(',').append(row.msInState().get(state.name()) / 1000);
            }
            out.append(',').append(row.contacts()).append(',').append(row.averageHandleMs() / 1000)
                    .append(',').append(row.averageWrapUpMs() / 1000).append(',').append(row.helpRequests())
                    .append(',').append(row.averageHelpWaitMs() / 1000).append(',').append(row.longestHelpWaitMs() / 1000)
                    .append(',').append(row.occupancy() == null ? "" : String.format(java.util.Locale.ROOT, "%.3f",
                            row.occupancy()));
            CallKpis.Figures calls = row.calls();
            if (calls == null) {
                out.append(",,,,,");
            } else {
                out.append(',').append(calls.handled()).append(',').append(calls.averageHandleMs() / 1000).append(',')
                        .append(calls.averageSpeedOfAnswerMs() == null ? "" : calls.averageSpeedOfAnswerMs() / 1000)
                        .append(',').append(calls.missed()).append(',').append(calls.holdMs() / 1000);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
