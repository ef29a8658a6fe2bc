package dev.seatlink.gateway.shift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.report.Html;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/**
 * The handover report as a page to read and print: plain HTML from the report's JSON (kept or just made), every
 * value escaped, no script.
 */
public final class HandoverPage {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final StringBuilder html = new StringBuilder();
    private final ZoneId zone;

    private HandoverPage(ZoneId zone) {
        this.zone = zone;
    }

    /** The page; {@code acknowledgedBy} is null until someone acknowledged it. */
    public static String of(JsonNode report, ZoneId zone, String acknowledgedBy, Long acknowledgedAt) {
        HandoverPage page = new HandoverPage(zone);
        page.write(report, acknowledgedBy, acknowledgedAt);
        return page.html.toString();
    }

    private void write(JsonNode r, String acknowledgedBy, Long acknowledgedAt) {
        String title = "Handover " + r.path("site").asText() + "/" + r.path("floor").asText() + ", shift "
                + when(r.path("shiftStart").asLong()) + " – " + time(r.path("shiftEnd").asLong());
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
                .append("</title><style>body{font:13px/1.4 sans-serif;margin:1.5em}table{border-collapse:collapse;"
                        + "margin:.4em 0 1em}td,th{border:1px solid #999;padding:2px 6px;text-align:left}"
                        + "h2{font-size:15px;margin:1.2em 0 .3em}.note{color:#555}@media print{body{margin:0}}"
                        + "</style></head><body>");
        html.append("<h1>").append(Html.escape(title)).append("</h1><p class=\"note\">")
                .append(r.path("complete").asBoolean() ? "Produced " + when(r.path("producedAt").asLong())
                        + " at the shift's end." : "The running shift so far, as of " + when(r.path("producedAt").asLong()) + ".")
                .append(acknowledgedBy == null ? " Not yet acknowledged."
                        : " Acknowledged by " + Html.escape(acknowledgedBy) + " at " + when(acknowledgedAt) + ".")
                .append("</p>");

        table("Staffing", new String[] {"Team", "Scheduled", "Staffed", "Agents"}, r.path("staffing"),
                s -> new Object[] {s.path("name").asText(), s.path("scheduled").isNull() ? "no roster"
                        : s.path("scheduled").asText(), s.path("staffed").asInt(), join(s.path("agents"))});
        table("Teams", new String[] {"Team", "Contacts", "Avg handle", "Occupancy", "Help requests",
                "Longest help wait", "Calls handled"}, r.path("teams"),
                t -> new Object[] {t.path("name").asText(), t.path("contacts").asInt(),
                        Html.minutes(t.path("averageHandleMs").asLong()), t.path("occupancy").isNull() ? "—"
                        : Math.round(t.path("occupancy").asDouble() * 100) + " %", t.path("helpRequests").asInt(),
                        Html.minutes(t.path("longestHelpWaitMs").asLong()), t.path("calls").isNull() ? "—"
                        : t.path("calls").path("handled").asText()});

        JsonNode help = r.path("help");
        html.append("<h2>Help</h2><p>").append(help.path("requests").asInt()).append(" raised hand(s), the longest wait ")
                .append(Html.minutes(help.path("longestWaitMs").asLong())).append(".");
        if (!help.path("takenBy").isEmpty()) {
            html.append(" Taken by: ").append(Html.escape(counts(help.path("takenBy")))).append('.');
        }
        html.append("</p>");

        table("Alerts raised and cleared", new String[] {"Time", "Change", "Alert"}, r.path("alerts"),
                a -> new Object[] {time(a.path("at").asLong()), a.path("change").asText(), a.path("text").asText()});
        html.append("<h2>Supervisor actions</h2><p>").append(Html.escape(counts(r.path("actions").path("counts"))))
                .append("</p>");
        table(null, new String[] {"Time", "Who", "Seat", "Action", "Detail", "Outcome"},
                r.path("actions").path("lines"), l -> new Object[] {time(l.path("at").asLong()), l.path("user").asText(),
                        l.path("seat").asText(), l.path("action").asText(), l.path("detail").asText(""),
                        l.path("outcome").asText()});
        table("Duty log", new String[] {"Time", "Who", "Kind", "Entry", "Open"}, r.path("log"),
                e -> new Object[] {time(e.path("at").asLong()), e.path("author").asText(), e.path("kind").asText(),
                        e.path("text").asText(), e.path("open").asBoolean() ? "open" : ""});

        html.append("<h2>Open items for the next shift</h2><ul>");
        JsonNode open = r.path("open");
        open.path("alerts").forEach(a -> item("Alert: " + a.path("text").asText()));
        open.path("hands").forEach(h -> item("Hand raised at " + h.path("seat").asText() + " since "
                + time(h.path("since").asLong())));
        open.path("log").forEach(e -> item(e.path("kind").asText() + ": " + e.path("text").asText()));
        html.append("</ul></body></html>");
    }

    /** What a table's row shows of one element. */
    private interface Cells {
        Object[] of(JsonNode element);
    }

    private void table(String heading, String[] head, JsonNode elements, Cells cells) {
        if (heading != null) {
            html.append("<h2>").append(Html.escape(heading)).append("</h2>");
        }
        html.append("<table>");
        Html.headings(html, java.util.Arrays.asList(head));
        for (JsonNode element : elements) {
            html.append("<tr>");
            for (Object cell : cells.of(element)) {
                Html.cell(html, String.valueOf(cell));
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private void item(String text) {
        html.append("<li>").append(Html.escape(text)).append("</li>");
    }

    private static String join(JsonNode names) {
        StringBuilder out = new StringBuilder();
        names.forEach(n -> out.append(out.length() == 0 ? "" : ", ").append(n.asText()));
        return out.toString();
    }

    private static String counts(JsonNode counts) {
        StringBuilder out = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> i = counts.fields(); i.hasNext(); ) {
            Map.Entry<String, JsonNode> count = i.next();
            out.append(out.length() == 0 ? "" : "; ").append(count.getKey()).append(": ").append(count.getValue().asInt());
        }
        return out.length() == 0 ? "none" : out.toString();
    }

    private String when(long ms) {
        return WHEN.format(Instant.ofEpochMilli(ms).atZone(zone));
    }

    private String time(long ms) {
        return TIME.format(Instant.ofEpochMilli(ms).atZone(zone));
    }
}
