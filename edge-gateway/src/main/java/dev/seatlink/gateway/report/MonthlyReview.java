package dev.seatlink.gateway.report;

import dev.seatlink.gateway.roster.Adherence;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * A team's month for the team leader's review of each agent: every agent's figures beside the team's — time in
 * each state, contacts, handle time, help requests and waits, adherence to the roster.
 *
 * @param team  the team's figures over the month (null when nobody worked in it)
 * @param agents each agent's, by name
 */
public record MonthlyReview(String teamId, String teamName, String month, long from, long to, ReportRow team,
                            List<Agent> agents) {

    /** One agent's month: their row and their adherence (null without a roster for them). */
    public record Agent(ReportRow figures, Double adherence, long scheduledMs) {
        public static Agent of(ReportRow figures, Adherence.Figures adherence) {
            return new Agent(figures, adherence.ratio(), adherence.scheduledMs());
        }
    }

    /** The month as CSV for a spreadsheet: one line per agent, then the team's; times in whole seconds. */
    public String csv() {
        StringBuilder out = new StringBuilder("agent,name,ready_s,busy_s,wrap_up_s,not_ready_s,contacts,avg_handle_s,"
                + "help_requests,avg_help_wait_s,max_help_wait_s,adherence,scheduled_s\r\n");
        agents.forEach(a -> line(out, a.figures(), a.adherence(), a.scheduledMs()));
        if (team != null) {
            line(out, team, null, 0);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, ReportRow row, Double adherence, long scheduledMs) {
        out.append(row.key()).append(',').append(TimeInStateReport.csvField(row.name()));
        for (String state : List.of("READY", "BUSY", "WRAP_UP", "NOT_READY")) {
            out.append(',').append(row.msInState().getOrDefault(state, 0L) / 1000);
        }
        out.append(',').append(row.contacts()).append(',').append(row.averageHandleMs() / 1000).append(',')
                .append(row.helpRequests()).append(',').append(row.averageHelpWaitMs() / 1000).append(',')
                .append(row.longestHelpWaitMs() / 1000).append(',')
                .append(adherence == null ? "" : String.format(Locale.ROOT, "%.3f", adherence)).append(',')
                .append(scheduledMs / 1000).append("\r\n");
    }

    /** The month of a {@code YYYY-MM} text, or null when it is not one ({@link ReportYears}). */
    public static YearMonth month(String text) {
        try {
            YearMonth month = YearMonth.parse(text);
            return ReportYears.holds(month.getYear()) ? month : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
