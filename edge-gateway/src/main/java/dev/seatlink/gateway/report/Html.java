package dev.seatlink.gateway.report;

/**
 * What the printable pages (handover, monthly review) share: every value is escaped before it goes into HTML, and
 * table rows and durations look the same on each.
 */
public final class Html {
    private Html() {
    }

    /** A table's header row, each heading escaped. */
    public static void headings(StringBuilder html, Iterable<String> headings) {
        html.append("<tr>");
        headings.forEach(heading -> html.append("<th>").append(escape(heading)).append("</th>"));
        html.append("</tr>");
    }

    public static void cell(StringBuilder html, String text) {
        html.append("<td>").append(escape(text)).append("</td>");
    }

    /** A wait or a handle time as minutes and seconds, {@code 12:05}. */
    public static String minutes(long ms) {
        long s = ms / 1000;
        return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
