package dev.seatlink.gateway.web;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.TeamSpec;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Whose history and figures a signed-in supervisor may read: a floor manager every team's, a team leader
 * their own teams'. The same rule for reports, the audit view, a seat's event history and a team's view.
 */
final class Scope {
    private Scope() {
    }

    static Set<String> teams(SiteConfig site, String user) {
        return site.teamsOf(user).stream().map(TeamSpec::id).collect(Collectors.toSet());
    }

    static Predicate<SeatSpec> seats(SiteConfig site, String user) {
        Set<String> teams = teams(site, user);
        return seat -> teams.contains(seat.team());
    }

    /** The ids of the seats {@link #seats} accepts, in site-config order: what a query may read. */
    static List<String> seatIds(SiteConfig site, String user) {
        return site.seats().stream().filter(seats(site, user)).map(SeatSpec::seat).toList();
    }
}
