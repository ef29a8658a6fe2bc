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
                .append(Html.escape(title)).append("</h1><table><tr>");
        for (String head : List.of("Agent", "Ready", "Busy", "Wrap-up", "Not ready", "Contacts", "Avg handle",
                "Help requests", "Avg help wait", "Longest help wait", "Adherence")) {
            html.append("<th>").append(head).append("</th>");
        }
        html.append("</tr>");
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
            cell(html, hours(row.msInState().getOrDefault(state, 0L)));
        }
        cell(html, String.valueOf(row.contacts()));
        cell(html, minutes(row.averageHandleMs()));
        cell(html, String.valueOf(row.helpRequests()));
        cell(html, minutes(row.averageHelpWaitMs()));
        cell(html, minutes(row.longestHelpWaitMs()));
        cell(html, adherence == null ? "—" : Math.round(adherence * 100) + " %");
        html.append("</tr>");
    }

    private static void cell(StringBuilder html, String text) {
        html.append("<td>").append(Html.escape(text)).append("</td>");
    }

    private static String hours(long ms) {
        return String.format(Locale.ROOT, "%.1f h", ms / 3_600_000.0);
    }

    private static String minutes(long ms) {
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
