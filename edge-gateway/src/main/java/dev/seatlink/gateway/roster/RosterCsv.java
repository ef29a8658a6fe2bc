package dev.seatlink.gateway.roster;

import dev.seatlink.gateway.csv.CsvTable;
import dev.seatlink.gateway.report.ReportYears;
import dev.seatlink.protocol.Ids;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a roster from CSV: a header {@code agent,date,start,end[,breaks]}, then one scheduled shift a line —
 * {@code a1001,2026-12-01,22:00,06:00,"00:30-00:45;03:00-03:30"} — with times of day in the site's time zone; a
 * shift whose end is not after its start ends the next day, and so does a break that starts before the shift's
 * start time. All or nothing: every shift, or every problem with its line. Pure.
 */
public final class RosterCsv {
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    static final long MAX_SHIFT_MS = 16 * 3_600_000L;
    static final List<String> REQUIRED = List.of("agent", "date", "start", "end");

    /** Every shift, or every problem ("line 7: end '25:00' is not a time of day (HH:MM)"). */
    public record Result(List<Schedule> schedules, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private RosterCsv() {
    }

    /** @param knownAgents the agent directory's ids; empty when there is no directory (any agent id is taken) */
    public static Result read(String text, ZoneId zone, Collection<String> knownAgents) {
        CsvTable table = CsvTable.read(text, REQUIRED, "agent,date,start,end[,breaks]");
        List<String> problems = new ArrayList<>(table.problems());
        List<Schedule> schedules = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            if (problems.size() >= CsvTable.MAX_PROBLEMS || !table.headerOk()) {
                break;
            }
            if (schedules.size() >= Roster.MAX_SHIFTS) {
                problems.add("line " + row.line() + ": more than " + Roster.MAX_SHIFTS + " shifts");
                break;
            }
            List<String> wrong = new ArrayList<>();
            Schedule schedule = schedule(row, zone, knownAgents, wrong);
            wrong.forEach(p -> problems.add("line " + row.line() + ": " + p));
            if (wrong.isEmpty()) {
                schedules.add(schedule);
                lineOf.put(schedule.agent() + "@" + schedule.shift().start(), row.line());
            }
        }
        overlaps(schedules, lineOf, problems);
        return problems.isEmpty() ? new Result(schedules, List.of()) : new Result(List.of(), problems);
    }

    private static Schedule schedule(CsvTable.Row row, ZoneId zone, Collection<String> knownAgents,
                                     List<String> wrong) {
        String agent = row.get("agent");
        if (!Ids.isValid(agent)) {
            wrong.add("agent '" + Ids.printable(agent == null ? "" : agent) + "' is not an agent id");
        } else if (!knownAgents.isEmpty() && !knownAgents.contains(agent)) {
            wrong.add("agent '" + agent + "' is not in the agent directory");
        }
        LocalDate day = date(row.get("date"), wrong);
        LocalTime start = time("start", row.get("start"), wrong);
        LocalTime end = time("end", row.get("end"), wrong);
        if (!wrong.isEmpty()) {
            return null;
        }
        long from = instant(day, start, zone);
        long to = instant(end.isAfter(start) ? day : day.plusDays(1), end, zone);
        if (to - from > MAX_SHIFT_MS) {
            wrong.add("the shift " + start + "-" + end + " is longer than " + MAX_SHIFT_MS / 3_600_000 + " hours");
        }
        List<Span> breaks = new ArrayList<>();
        String given = row.get("breaks");
        for (String part : given == null || given.isBlank() ? new String[0] : given.split(";")) {
            String[] ends = part.strip().split("-");
            LocalTime breakStart = ends.length == 2 ? time("break start", ends[0].strip(), wrong) : null;
            LocalTime breakEnd = ends.length == 2 ? time("break end", ends[1].strip(), wrong) : null;
            if (ends.length != 2) {
                wrong.add("break '" + part.strip() + "' is not HH:MM-HH:MM");
            }
            if (breakStart == null || breakEnd == null) {
                continue;
            }
            LocalDate breakDay = breakStart.isBefore(start) ? day.plusDays(1) : day;
            long a = instant(breakDay, breakStart, zone);
            long b = instant(breakEnd.isAfter(breakStart) ? breakDay : breakDay.plusDays(1), breakEnd, zone);
            if (a < from || b > to) {
                wrong.add("break " + part.strip() + " is not within the shift " + start + "-" + end);
            } else if (!breaks.isEmpty() && a < breaks.get(breaks.size() - 1).end()) {
                wrong.add("break " + part.strip() + " overlaps or comes before the one before it");
            }
            breaks.add(new Span(a, b));
        }
        return wrong.isEmpty() ? new Schedule(agent, day.toString(), new Span(from, to), breaks) : null;
    }

    private static void overlaps(List<Schedule> schedules, Map<String, Integer> lineOf, List<String> problems) {
        List<Schedule> sorted = new ArrayList<>(schedules);
        sorted.sort(Comparator.comparing(Schedule::agent).thenComparingLong(s -> s.shift().start()));
        for (int i = 1; i < sorted.size() && problems.size() < CsvTable.MAX_PROBLEMS; i++) {
            Schedule before = sorted.get(i - 1);
            Schedule next = sorted.get(i);
            if (before.agent().equals(next.agent()) && next.shift().start() < before.shift().end()) {
                problems.add("line " + lineOf.get(next.agent() + "@" + next.shift().start()) + ": agent "
                        + next.agent() + "'s shift overlaps the one on line "
                        + lineOf.get(before.agent() + "@" + before.shift().start()));
            }
        }
    }

    private static long instant(LocalDate day, LocalTime time, ZoneId zone) {
        return day.atTime(time).atZone(zone).toInstant().toEpochMilli();
    }

    private static LocalDate date(String text, List<String> wrong) {
        try {
            LocalDate day = LocalDate.parse(text == null ? "" : text);
            if (!ReportYears.holds(day.getYear())) {
                wrong.add("date " + text + " is not " + ReportYears.RANGE);
            }
            return day;
        } catch (DateTimeException e) {
            wrong.add("date '" + Ids.printable(text == null ? "" : text) + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private static LocalTime time(String what, String text, List<String> wrong) {
        if (text != null && text.matches("\\d{2}:\\d{2}")) {
            try {
                return LocalTime.parse(text);
            } catch (DateTimeException e) {
                // falls through to the problem below
            }
        }
        wrong.add(what + " '" + Ids.printable(text == null ? "" : text) + "' is not a time of day (HH:MM)");
        return null;
    }
}
