package dev.seatlink.terminal.display;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each piece of a {@link Screen} goes on a character panel of {@code columns} × {@code rows}.
 * Pure; every line is exactly {@code columns} characters of printable ASCII.
 *
 * <p>Two rows (16x2): the state with the time on the right; then the supervisor message, or the phone
 * ("RINGING", "ON HOLD 00:42"), or what is pending after the contact ("Next: break"), or the not-ready reason
 * (else the agent) with HELP and the link state. Four rows or more (20x4, the OLED's 21x8): seat and agent;
 * state and reason; time, HELP and the link; then the phone, and the message wrapped over the rows left. The
 * open reason picker replaces the state rows with the reason being chosen.
 */
public final class ScreenLayout {
    private final int columns;
    private final int rows;

    public ScreenLayout(int columns, int rows) {
        if (columns < 8 || rows < 2) {
            throw new IllegalArgumentException("a panel needs at least 8 columns and 2 rows");
        }
        this.columns = columns;
        this.rows = rows;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public List<String> lines(Screen s) {
        List<String> lines = new ArrayList<>();
        String agent = s.agent() == null ? "no agent" : s.agent();
        String help = s.help() ? "HELP " : "";
        if (rows == 2) {
            String what = s.call() != null ? s.call() : s.next() != null ? s.nextText()
                    : s.reason() != null ? s.reason() : agent;
            lines.add(s.picking() != null ? fit("Reason: " + s.picking()) : split(s.stateWord(), s.timeInState()));
            lines.add(s.message() != null ? fit(s.message()) : split(help + what, s.linkText()));
        } else {
            lines.add(split(s.seat(), agent));
            if (s.picking() != null) {
                lines.add(fit("Choose reason:"));
                lines.add(fit("> " + s.picking()));
            } else {
                lines.add(fit(s.stateText()));
                lines.add(split(s.timeInState() + " " + help, s.linkText()));
            }
            int left = rows - 3;
            if (s.call() != null) {
                lines.add(fit(s.call()));
                left--;
            }
            lines.addAll(wrap(s.message() == null ? "" : s.message(), left));
        }
        return lines;
    }

    /** {@code left} and {@code right} on one line, the right end kept whole. */
    private String split(String left, String right) {
        String r = clean(right);
        int room = columns - r.length() - (r.isEmpty() ? 0 : 1);
        String l = clean(left);
        l = l.length() > room ? l.substring(0, Math.max(0, room)) : l;
        return fit(l + " ".repeat(Math.max(0, columns - l.length() - r.length())) + r);
    }

    private String fit(String text) {
        String t = clean(text);
        return t.length() >= columns ? t.substring(0, columns) : t + " ".repeat(columns - t.length());
    }

    /** Word-wraps {@code text} over exactly {@code count} lines; what does not fit is cut. */
    private List<String> wrap(String text, int count) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : clean(text).split(" ")) {
            while (word.length() > columns) {
                if (line.length() > 0) {
                    out.add(fit(line.toString()));
                    line.setLength(0);
                }
                out.add(word.substring(0, columns));
                word = word.substring(columns);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > columns) {
                out.add(fit(line.toString()));
                line.setLength(0);
            }
            if (!word.isEmpty()) {
                line.append(line.length() > 0 ? " " : "").append(word);
            }
        }
        if (line.length() > 0) {
            out.add(fit(line.toString()));
        }
        while (out.size() < count) {
            out.add(fit(""));
        }
        return out.subList(0, count);
    }

    /** Printable ASCII only: what both panels' character sets share; anything else shows as '?'. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
