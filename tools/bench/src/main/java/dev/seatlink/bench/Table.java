package dev.seatlink.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The one table a benchmark prints: rows of label, value, target. */
final class Table {
    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Table(String title) {
        this.title = title;
    }

    Table row(String what, String value, String target) {
        rows.add(new String[] {what, value, target});
        return this;
    }

    /** A line printed under the table. */
    Table note(String text) {
        notes.add(text);
        return this;
    }

    void print(PrintStream out) {
        int w0 = "measure".length();
        int w1 = "value".length();
        for (String[] row : rows) {
            w0 = Math.max(w0, row[0].length());
            w1 = Math.max(w1, row[1].length());
        }
        String format = "| %-" + w0 + "s | %" + w1 + "s | %s |%n";
        out.println();
        out.println("## " + title);
        out.printf(format, "measure", "value", "target");
        out.printf("|%s|%s|%s|%n", "-".repeat(w0 + 2), "-".repeat(w1 + 2), "---");
        rows.forEach(row -> out.printf(format, (Object[]) row));
        notes.forEach(note -> out.println("- " + note));
    }
}
