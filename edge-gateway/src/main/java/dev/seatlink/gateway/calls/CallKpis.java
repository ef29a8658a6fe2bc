package dev.seatlink.gateway.calls;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.TeamSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shift's call figures as the wallboard, the team view and the centre read them: the floor, each team, each
 * business line, and each seat on the phone system (its agent's). Pure; built once a tick from the
 * {@link CallBook}. Empty groups are left out.
 */
public record CallKpis(Figures floor, Map<String, Figures> teams, Map<String, Figures> businessLines,
                       Map<String, Figures> seats) {
    public static final CallKpis NONE = new CallKpis(Figures.of(CallFigures.NONE), Map.of(), Map.of(), Map.of());

    /**
     * One group's figures as JSON shows them.
     *
     * @param averageHandleMs        talk + wrap-up per handled call
     * @param averageSpeedOfAnswerMs the callers' queue wait per answered call, null when the ACD said none
     */
    public record Figures(int handled, long averageHandleMs, Long averageSpeedOfAnswerMs, int missed, long holdMs,
                          long talkMs, long wrapUpMs) {
        public static Figures of(CallFigures f) {
            return new Figures(f.handled(), f.averageHandleMs(), f.averageSpeedOfAnswerMs(), f.missed(), f.holdMs(),
                    f.talkMs(), f.wrapUpMs());
        }
    }

    /** @param agentAt each seat's agent now (null for none) */
    public static CallKpis of(SiteConfig site, CallBook book, Map<String, String> agentAt) {
        if (book.isEmpty()) {
            return NONE;
        }
        Map<String, CallFigures> byTeam = book.byTeam();
        CallFigures floor = CallFigures.NONE;
        Map<String, Figures> teams = new LinkedHashMap<>();
        Map<String, CallFigures> lines = new LinkedHashMap<>();
        for (Map.Entry<String, CallFigures> team : byTeam.entrySet()) {
            floor = floor.plus(team.getValue());
            teams.put(team.getKey(), Figures.of(team.getValue()));
            String line = site.team(team.getKey()).map(TeamSpec::businessLine).orElse("general");
            lines.merge(line, team.getValue(), CallFigures::plus);
        }
        Map<String, Figures> byLine = new LinkedHashMap<>();
        lines.forEach((line, f) -> byLine.put(line, Figures.of(f)));
        Map<String, Figures> seats = new LinkedHashMap<>();
        for (SeatSpec seat : site.seats()) {
            if (seat.onThePhoneSystem()) {
                String agent = agentAt.get(seat.seat());
                CallFigures f = book.of(agent != null ? agent : seat.seat());
                if (f.handled() > 0 || f.missed() > 0) {
                    seats.put(seat.seat(), Figures.of(f));
                }
            }
        }
        return new CallKpis(Figures.of(floor), teams, byLine, seats);
    }
}
