package dev.seatlink.gateway.site;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.ClientId;
import dev.seatlink.protocol.CtiEvent;
import dev.seatlink.protocol.Ids;
import dev.seatlink.protocol.PhoneRules;
import dev.seatlink.protocol.SeatConfig;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a site config must keep (identifiers, teams and seats that refer to each other, shifts,
 * reasons, wrap-up, thresholds) and the defaults for what it leaves out. Pure: it sees the parsed file and
 * the file's lines, for messages that name them.
 */
final class SiteRules {
    /** Logins {site}.{floor}.X that are not seats: a seat so named would share the gateway's or the monitor's. */
    static final List<String> RESERVED_SEAT_IDS = ClientId.reserved();
    static final List<String> DEFAULT_REASONS = List.of("break", "lunch", "meeting", "training", "coaching");
    /** Three missed calls in a row make the seat not ready, unless the site or team says otherwise. */
    static final PhoneRules DEFAULT_PHONE = new PhoneRules(3);
    static final List<String> SIGN_OUT_MODES = List.of("pause", "remove");
    /** A seat's names on the phone system: its member interface and a few aliases (agent id, extension). */
    static final int MAX_ACD_NAMES = 4;

    private SiteRules() {
    }

    /** The checked config, defaults filled in; or a {@link SiteConfigException} naming the line and the field. */
    static SiteConfig check(RawSite.File f, String source, LineIndex lines) {
        Rules rules = new Rules(source, lines);
        rules.id("site", f.site());
        rules.id("floor", f.floor());
        Shifts shifts = shifts(f, rules);
        List<String> reasons = reasons(f.reasons(), "reasons", DEFAULT_REASONS, rules);
        int wrapUp = wrapUp(f.wrapUpSeconds(), "wrapUpSeconds", 30, rules);
        AgentState then = wrapUpThen(f.wrapUpThen(), "wrapUpThen", AgentState.READY, rules);
        Thresholds thresholds = thresholds(f.thresholds(), rules);
        Staff staff = staff(f, rules);
        List<String> integrations = staff.integrations();
        PhoneRules phone = phone(f.phone(), "phone", DEFAULT_PHONE, rules);
        boolean remove = removeOnSignOut(f.phone(), "phone", false, rules);

        rules.that(f.teams() != null && !f.teams().isEmpty(), "teams", "must list at least one team");
        Set<String> teamIds = new HashSet<>();
        for (int i = 0; i < f.teams().size(); i++) {
            RawSite.TeamFile team = f.teams().get(i);
            rules.that(team != null, "teams[" + i + "]", "is empty");
            rules.id("teams[" + i + "].id", team.id());
            rules.that(teamIds.add(team.id()), "teams[" + i + "].id", "'" + team.id() + "' appears twice");
        }
        List<TeamSpec> teams = new ArrayList<>();
        for (int i = 0; i < f.teams().size(); i++) {
            teams.add(team(f.teams().get(i), "teams[" + i + "]", reasons, wrapUp, then, phone, remove, teamIds, rules));
            String leader = teams.get(i).leader();
            rules.that(leader == null || !integrations.contains(leader), "teams[" + i + "].leader", "'" + leader
                    + "' is one of the integrations: a phone system's account must not act on seats");
        }
        Map<String, TeamSpec> byId = new HashMap<>();
        teams.forEach(t -> byId.put(t.id(), t));

        rules.that(f.seats() != null && !f.seats().isEmpty(), "seats", "must list at least one seat");
        Set<String> seatIds = new HashSet<>();
        Set<String> agents = new HashSet<>();
        Set<String> places = new HashSet<>();
        Set<String> acdNames = new HashSet<>();
        List<SeatSpec> seats = new ArrayList<>();
        for (int i = 0; i < f.seats().size(); i++) {
            RawSite.SeatFile seat = f.seats().get(i);
            String field = "seats[" + i + "]";
            rules.that(seat != null, field, "is empty");
            rules.id(field + ".seat", seat.seat());
            rules.that(seatIds.add(seat.seat()), field + ".seat", "'" + seat.seat() + "' appears twice");
            rules.that(!RESERVED_SEAT_IDS.contains(seat.seat()), field + ".seat", "'" + seat.seat()
                    + "' is the name of a broker login (" + String.join(", ", RESERVED_SEAT_IDS) + ")");
            rules.that(teamIds.contains(seat.team()), field + ".team", "'" + seat.team() + "' is not one of the teams");
            if (seat.agent() != null) {
                rules.id(field + ".agent", seat.agent());
                rules.that(agents.add(seat.agent()), field + ".agent", "'" + seat.agent() + "' sits at two seats");
            }
            String skill = seat.skill() == null ? byId.get(seat.team()).skillTier() : seat.skill();
            rules.that(SeatSpec.SKILL_TIERS.contains(skill), field + ".skill", "'" + skill + "' must be one of "
                    + SeatSpec.SKILL_TIERS);
            rules.that(seat.x() >= 0 && seat.y() >= 0, field, "x and y must not be negative");
            rules.that(places.add(seat.x() + "," + seat.y()), field, "shares x/y " + seat.x() + "," + seat.y()
                    + " with another seat");
            List<String> acd = seat.acd() == null ? List.of() : seat.acd();
            rules.that(acd.size() <= MAX_ACD_NAMES, field + ".acd", "may list at most " + MAX_ACD_NAMES + " names");
            for (int n = 0; n < acd.size(); n++) {
                String name = acd.get(n);
                String at = field + ".acd[" + n + "]";
                rules.that(Ids.isPrintable(name, CtiEvent.MAX_AGENT_LENGTH, false), at,
                        "must be 1-" + CtiEvent.MAX_AGENT_LENGTH + " printable ASCII characters without spaces");
                rules.that(acdNames.add(name), at, "'" + name + "' names two seats");
            }
            seats.add(new SeatSpec(seat.seat(), seat.team(), seat.agent(), skill, seat.x(), seat.y(), acd));
        }
        return new SiteConfig(f.site(), f.floor(), shifts, reasons, wrapUp, then, thresholds, staff, teams, seats);
    }

    /**
     * The role lists: each user in one at most (a team leader may also be in one), an integration account in
     * none and leading no team (checked with the teams).
     */
    private static Staff staff(RawSite.File f, Rules rules) {
        Map<String, String> listedIn = new HashMap<>();
        List<List<String>> lists = new ArrayList<>();
        String[] keys = {"managers", "dutyManagers", "quality", "integrations"};
        List<List<String>> given = java.util.Arrays.asList(f.managers(), f.dutyManagers(), f.quality(), f.integrations());
        for (int k = 0; k < keys.length; k++) {
            List<String> users = given.get(k) == null ? List.of() : given.get(k);
            for (int i = 0; i < users.size(); i++) {
                String at = keys[k] + "[" + i + "]";
                rules.id(at, users.get(i));
                String before = listedIn.putIfAbsent(users.get(i), keys[k]);
                rules.that(before == null, at, "'" + users.get(i) + "' is already listed in " + before
                        + ": one role per user (a team leader may also have one)");
            }
            lists.add(users);
        }
        return new Staff(lists.get(0), lists.get(1), lists.get(2), lists.get(3));
    }

    private static TeamSpec team(RawSite.TeamFile team, String field, List<String> siteReasons, int siteWrapUp,
                                 AgentState siteThen, PhoneRules sitePhone, boolean siteRemove, Set<String> teamIds,
                                 Rules rules) {
        if (team.leader() != null) {
            rules.id(field + ".leader", team.leader());
        }
        String skill = team.skillTier() == null ? "regular" : team.skillTier();
        rules.that(SeatSpec.SKILL_TIERS.contains(skill), field + ".skillTier", "'" + skill + "' must be one of "
                + SeatSpec.SKILL_TIERS);
        String line = team.businessLine() == null ? "general" : team.businessLine();
        rules.id(field + ".businessLine", line);
        String tier = team.customerTier() == null ? "standard" : team.customerTier();
        rules.id(field + ".customerTier", tier);
        int minReady = team.minReady() == null ? 0 : team.minReady();
        rules.that(minReady >= 0 && minReady <= 500, field + ".minReady", "must be 0-500");
        HelpRoute help = team.help() == null ? HelpRoute.integrated() : team.help();
        rules.that(HelpRoute.INTEGRATED.equals(help.model()) || HelpRoute.SPECIALIST.equals(help.model()),
                field + ".help.model", "must be integrated or specialist");
        if (help.specialist()) {
            rules.that(help.group() != null && teamIds.contains(help.group()) && !help.group().equals(team.id()),
                    field + ".help.group", "must name another team (the specialist group)");
        } else {
            rules.that(help.group() == null, field + ".help.group", "is only for the specialist model");
        }
        return new TeamSpec(team.id(), team.name() == null ? team.id() : team.name(), team.leader(), line, tier, skill,
                reasons(team.reasons(), field + ".reasons", siteReasons, rules),
                wrapUp(team.wrapUpSeconds(), field + ".wrapUpSeconds", siteWrapUp, rules),
                wrapUpThen(team.wrapUpThen(), field + ".wrapUpThen", siteThen, rules), minReady, help,
                phone(team.phone(), field + ".phone", sitePhone, rules),
                removeOnSignOut(team.phone(), field + ".phone", siteRemove, rules));
    }

    /** {@code signOut}: {@code pause} (the default) or {@code remove} from the phone system's queues. */
    private static boolean removeOnSignOut(RawSite.PhoneFile given, String field, boolean otherwise, Rules rules) {
        if (given == null || given.signOut() == null) {
            return otherwise;
        }
        rules.that(SIGN_OUT_MODES.contains(given.signOut()), field + ".signOut", "'" + given.signOut()
                + "' must be one of " + SIGN_OUT_MODES);
        return "remove".equals(given.signOut());
    }

    private static PhoneRules phone(RawSite.PhoneFile given, String field, PhoneRules otherwise, Rules rules) {
        if (given == null || given.missedToNotReady() == null) {
            return otherwise;
        }
        int missed = given.missedToNotReady();
        rules.that(missed >= 1 && missed <= PhoneRules.MAX_MISSED, field + ".missedToNotReady",
                "must be 1-" + PhoneRules.MAX_MISSED);
        return new PhoneRules(missed);
    }

    private static Shifts shifts(RawSite.File f, Rules rules) {
        Shifts defaults = Shifts.defaults();
        ZoneId zone = defaults.zone();
        if (f.timeZone() != null) {
            try {
                zone = ZoneId.of(f.timeZone());
            } catch (DateTimeException e) {
                rules.that(false, "timeZone", "'" + f.timeZone() + "' is not a time zone (e.g. Europe/Berlin)");
            }
        }
        if (f.shifts() == null) {
            return new Shifts(zone, defaults.starts());
        }
        rules.that(!f.shifts().isEmpty() && f.shifts().size() <= 24, "shifts", "must list 1-24 start times");
        List<LocalTime> starts = new ArrayList<>();
        for (int i = 0; i < f.shifts().size(); i++) {
            String text = f.shifts().get(i);
            try {
                starts.add(LocalTime.parse(text == null ? "" : text));
            } catch (DateTimeParseException e) {
                rules.that(false, "shifts[" + i + "]", "'" + text + "' is not a time of day (HH:MM)");
            }
            rules.that(starts.indexOf(starts.get(i)) == i, "shifts[" + i + "]", "'" + text + "' appears twice");
        }
        return new Shifts(zone, starts);
    }

    private static Thresholds thresholds(RawSite.ThresholdsFile t, Rules rules) {
        Thresholds defaults = Thresholds.defaults();
        if (t == null) {
            return defaults;
        }
        Map<String, Integer> notReady = new HashMap<>(defaults.notReadySeconds());
        if (t.notReadySeconds() != null) {
            t.notReadySeconds().forEach((reason, seconds) -> {
                String field = "thresholds.notReadySeconds." + reason;
                rules.id(field, reason);
                rules.that(seconds != null && seconds > 0, field, "must be a positive number of seconds");
                notReady.put(reason, seconds);
            });
        }
        int wrapUp = t.wrapUpSeconds() == null ? defaults.wrapUpSeconds() : t.wrapUpSeconds();
        rules.that(wrapUp > 0, "thresholds.wrapUpSeconds", "must be a positive number of seconds");
        int help = t.helpWaitSeconds() == null ? defaults.helpWaitSeconds() : t.helpWaitSeconds();
        rules.that(help > 0, "thresholds.helpWaitSeconds", "must be a positive number of seconds");
        int offline = t.offlineSeconds() == null ? defaults.offlineSeconds() : t.offlineSeconds();
        rules.that(offline > 0, "thresholds.offlineSeconds", "must be a positive number of seconds");
        return new Thresholds(notReady, wrapUp, help, offline);
    }

    private static List<String> reasons(List<String> given, String field, List<String> otherwise, Rules rules) {
        if (given == null) {
            return otherwise;
        }
        rules.that(!given.isEmpty() && given.size() <= SeatConfig.MAX_REASONS, field,
                "must list 1-" + SeatConfig.MAX_REASONS + " codes");
        for (int i = 0; i < given.size(); i++) {
            rules.id(field + "[" + i + "]", given.get(i));
            rules.that(!SeatConfig.SUPERVISOR_REASON.equals(given.get(i)), field + "[" + i + "]",
                    "'supervisor' is kept for a supervisor's force not ready");
            rules.that(!PhoneRules.MISSED_REASON.equals(given.get(i)), field + "[" + i + "]",
                    "'missed' is kept for the not ready that missed calls cause");
        }
        return given;
    }

    private static int wrapUp(Integer given, String field, int otherwise, Rules rules) {
        int seconds = given == null ? otherwise : given;
        rules.that(seconds >= 0 && seconds <= SeatConfig.MAX_WRAP_UP_SECONDS, field,
                "must be 0-" + SeatConfig.MAX_WRAP_UP_SECONDS);
        return seconds;
    }

    private static AgentState wrapUpThen(AgentState given, String field, AgentState otherwise, Rules rules) {
        AgentState then = given == null ? otherwise : given;
        rules.that(then == AgentState.READY || then == AgentState.NOT_READY, field, "must be READY or NOT_READY");
        return then;
    }

    private record Rules(String source, LineIndex lines) {
        void that(boolean ok, String field, String problem) {
            if (!ok) {
                int line = lines.lineOf(field);
                throw new SiteConfigException(source + ": " + (line > 0 ? "line " + line + ": " : "") + field + " "
                        + problem);
            }
        }

        void id(String field, String value) {
            that(value != null, field, "is required");
            that(Ids.isValid(value), field, "'" + value + "' is not an identifier ([a-z0-9][a-z0-9-]{0,31})");
        }
    }
}
