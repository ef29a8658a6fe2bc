package dev.seatlink.gateway.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file as a technician exports it from a spreadsheet: a header line naming the columns (any order, any case,
 * a byte-order mark allowed), then one record a line; fields may be quoted ({@code "Berg, Anna"}, {@code ""} for a
 * quote); blank lines are skipped. Problems are kept with their line numbers. Pure.
 */
public final class CsvTable {
    /** Problems listed at most: a file of garbage gets a readable answer. */
    public static final int MAX_PROBLEMS = 50;

    /** One record and the line it is on (1 = the header). */
    public record Row(int line, Map<String, String> fields) {
        /** The field, stripped; null when the column is missing or the line is short. */
        public String get(String column) {
            String value = fields.get(column);
            return value == null ? null : value.strip();
        }
    }

    private final List<Row> rows;
    private final List<String> problems;
    private final boolean headerOk;

    private CsvTable(List<Row> rows, List<String> problems, boolean headerOk) {
        this.rows = rows;
        this.problems = problems;
        this.headerOk = headerOk;
    }

    /**
     * Reads {@code text}; a header without one of {@code required} is a problem, naming {@code headerHint}
     * (e.g. {@code id,name,team,skill[,badge,active]}).
     */
    public static CsvTable read(String text, List<String> required, String headerHint) {
        List<String> problems = new ArrayList<>();
        List<String> lines = text.lines().toList();
        if (lines.isEmpty()) {
            return new CsvTable(List.of(), List.of("the file is empty: it needs a header line " + headerHint), false);
        }
        List<String> header = fields(lines.get(0).strip().replace("\uFEFF", ""), 1, problems);
        List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String column : required) {
            if (!names.contains(column)) {
                problems.add("line 1: the header has no column '" + column + "' (" + headerHint + ")");
            }
        }
        boolean headerOk = problems.isEmpty();
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.size() && headerOk && problems.size() < MAX_PROBLEMS; n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            List<String> values = fields(lines.get(n), n + 1, problems);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < names.size() && i < values.size(); i++) {
                row.put(names.get(i), values.get(i));
            }
            rows.add(new Row(n + 1, row));
        }
        return new CsvTable(rows, problems, headerOk);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Problems of the file's shape (header, quotes); the caller adds those of each record's content. */
    public List<String> problems() {
        return problems;
    }

    /** Whether the header names every required column: only then are the records worth checking. */
    public boolean headerOk() {
        return headerOk;
    }

    /** One line's fields: commas separate, double quotes enclose (a doubled quote inside is one). */
    private static List<String> fields(String line, int number, List<String> problems) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            problems.add("line " + number + ": a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
