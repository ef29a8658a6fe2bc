package dev.seatlink.gateway.agents;

import dev.seatlink.gateway.csv.CsvTable;
import dev.seatlink.gateway.site.SiteConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /** Every agent, or every problem ("line 7: team 'x' is not a team of the site config"). */
    public record Result(List<Agent> agents, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private AgentCsv() {
    }

    public static Result read(String text, SiteConfig site) {
        CsvTable table = CsvTable.read(text, REQUIRED, "id,name,team,skill[,badge,active]");
        List<String> problems = new ArrayList<>(table.problems());
        if (!table.headerOk()) {
            return new Result(List.of(), problems);
        }
        List<Agent> agents = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> badges = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            if (problems.size() >= CsvTable.MAX_PROBLEMS) {
                break;
            }
            int line = row.line();
            if (agents.size() >= AgentDirectory.MAX_AGENTS) {
                problems.add("line " + line + ": more than " + AgentDirectory.MAX_AGENTS + " agents");
                break;
            }
            Agent agent = new Agent(row.get("id"), row.get("name"), row.get("team"), row.get("skill"),
                    blankToNull(row.get("badge")), active(row.get("active"), line, problems));
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
}
