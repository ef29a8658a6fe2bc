package dev.seatlink.gateway.agents;

import dev.seatlink.gateway.site.SiteConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an agent list from CSV — a header {@code id,name,team,skill,badge,active} (any order, {@code badge} and
 * {@code active} optional), then one agent a line; fields may be quoted ({@code "Berg, Anna"}, {@code ""} for a
 * quote) — checking every line against the site config. All or nothing: the result is either every agent or every
 * problem, each with its line. Pure.
 */
public final class AgentCsv {
    /** A CSV larger than this is refused before it is read. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    static final List<String> REQUIRED = List.of("id", "name", "team", "skill");
    /** Problems listed at most: a file of garbage gets a readable answer. */
    static final int MAX_PROBLEMS = 50;

    /** Every agent, or every problem ("line 7: team 'x' is not a team of the site config"). */
    public record Result(List<Agent> agents, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private AgentCsv() {
    }

    public static Result read(String text, SiteConfig site) {
        List<String> problems = new ArrayList<>();
        List<String> lines = text.lines().toList();
        if (lines.isEmpty()) {
            return new Result(List.of(), List.of("the file is empty: it needs a header line id,name,team,skill"));
        }
        List<String> header = fields(lines.get(0).strip().replace("\uFEFF", ""), 1, problems);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
            if (!column.containsKey(required)) {
                problems.add("line 1: the header has no column '" + required + "' (id,name,team,skill[,badge,active])");
            }
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        List<Agent> agents = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> badges = new HashMap<>();
        for (int n = 1; n < lines.size() && problems.size() < MAX_PROBLEMS; n++) {
            int line = n + 1;
            if (lines.get(n).isBlank()) {
                continue;
            }
            if (agents.size() >= AgentDirectory.MAX_AGENTS) {
                problems.add("line " + line + ": more than " + AgentDirectory.MAX_AGENTS + " agents");
                break;
            }
            List<String> f = fields(lines.get(n), line, problems);
            Agent agent = new Agent(get(f, column, "id"), get(f, column, "name"), get(f, column, "team"),
                    get(f, column, "skill"), blankToNull(get(f, column, "badge")), active(get(f, column, "active"),
                    line, problems));
            AgentRules.problems(agent, site).forEach(p -> problems.add("line " + line + ": " + p));
            Integer twice = ids.putIfAbsent(agent.id(), line);
            if (twice != null) {
                problems.add("line " + line + ": id '" + agent.id() + "' is on line " + twice + " too");
            }
            Integer badgeTwice = agent.badge() == null ? null : badges.putIfAbsent(agent.badge(), line);
            if (badgeTwice != null) {
                problems.add("line " + line + ": badge " + agent.badge() + " is on line " + badgeTwice + " too");
            }
            agents.add(agent);
        }
        return problems.isEmpty() ? new Result(agents, List.of()) : new Result(List.of(), problems);
    }

    private static String get(List<String> fields, Map<String, Integer> column, String name) {
        Integer at = column.get(name);
        return at == null || at >= fields.size() ? null : fields.get(at).strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean active(String value, int line, List<String> problems) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes")) {
            return true;
        }
        if (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no")) {
            return false;
        }
        problems.add("line " + line + ": active must be true or false, was '" + value + "'");
        return true;
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
