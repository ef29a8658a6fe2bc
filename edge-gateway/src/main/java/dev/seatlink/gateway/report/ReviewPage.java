package dev.seatlink.gateway.report;

import java.util.List;
import java.util.Locale;

/** The monthly review as a page to print for the review meeting: plain HTML, every value escaped, no script. */
public final class ReviewPage {
    private ReviewPage() {
    }

    public static String of(MonthlyReview review) {
        String title = "Monthly review " + review.month() + ": " + review.teamName();
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title><style>body{font:13px/1.4 sans-serif;margin:1.5em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}tr.team{font-weight:bold}"
                        + "@media print{body{margin:0}}</style></head><body><h1>")
                .append(Html.escape(title)).append("</h1><table>");
        Html.headings(html, List.of("Agent", "Ready", "Busy", "Wrap-up", "Not ready", "Contacts", "Avg handle",
                "Help requests", "Avg help wait", "Longest help wait", "Adherence"));
        for (MonthlyReview.Agent agent : review.agents()) {
            row(html, agent.figures(), agent.adherence(), "");
        }
        if (review.team() != null) {
            row(html, review.team(), null, "team");
        }
        return html.append("</table></body></html>").toString();
    }

    private static void row(StringBuilder html, ReportRow row, Double adherence, String kind) {
        html.append("<tr class=\"").append(kind).append("\"><td>").append(Html.escape(row.name())).append("</td>");
        for (String state : List.of("READY", "BUSY", "WRAP_UP", "NOT_READY")) {
            Html.cell(html, hours(row.msInState().getOrDefault(state, 0L)));
        }
        Html.cell(html, String.valueOf(row.contacts()));
        Html.cell(html, Html.minutes(row.averageHandleMs()));
        Html.cell(html, String.valueOf(row.helpRequests()));
        Html.cell(html, Html.minutes(row.averageHelpWaitMs()));
        Html.cell(html, Html.minutes(row.longestHelpWaitMs()));
        Html.cell(html, adherence == null ? "—" : Math.round(adherence * 100) + " %");
        html.append("</tr>");
    }

    private static String hours(long ms) {
        return String.format(Locale.ROOT, "%.1f h", ms / 3_600_000.0);
    }
}
