package dev.seatlink.gateway.roles;

import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.TeamSpec;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one signed-in user may do on a floor: their roles from the site config, and through
 * {@link Permissions} how far each permission reaches. Pure; every route and {@code /api/me} ask it.
 */
public final class Grants {
    /** How long before and after a rostered duty manager's shift they hold the role: the handovers. */
    public static final long HANDOVER_MS = 30 * 60_000L;

    private final SiteConfig site;
    private final String user;
    private final Set<Role> roles;
    private final Set<String> ledTeams;

    /** The grants of a user, whatever the roster says (tests, and floors without a roster). */
    public Grants(SiteConfig site, String user) {
        this(site, user, Roster.EMPTY, 0);
    }

    /**
     * @param roster the floor's roster: a duty manager it schedules holds the role only during their shifts (and
     *               {@value #HANDOVER_MS} ms either side, for the handover); one it does not schedule, always
     * @param now    the time the request is made
     */
    public Grants(SiteConfig site, String user, Roster roster, long now) {
        this.site = site;
        this.user = user;
        this.ledTeams = site.teams().stream().filter(t -> user.equals(t.leader())).map(TeamSpec::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Role> found = EnumSet.noneOf(Role.class);
        if (site.staff().centreManagers().contains(user)) {
            found.add(Role.CENTRE_MANAGER);
        }
        if (site.staff().dutyManagers().contains(user) && onDuty(roster, user, now)) {
            found.add(Role.DUTY_MANAGER);
        }
        if (site.staff().quality().contains(user)) {
            found.add(Role.QUALITY);
        }
        if (site.staff().integrations().contains(user)) {
            found.add(Role.INTEGRATION);
        }
        if (!ledTeams.isEmpty()) {
            found.add(Role.TEAM_LEADER);
        }
        this.roles = java.util.Collections.unmodifiableSet(found);
    }

    private static boolean onDuty(Roster roster, String user, long now) {
        return !roster.agents().contains(user) || !roster.of(user, now - HANDOVER_MS, now + HANDOVER_MS + 1).isEmpty();
    }

    public String user() {
        return user;
    }

    /** The user's roles, widest first; none for an account the site config does not name. */
    public Set<Role> roles() {
        return roles;
    }

    /** The teams the user leads, in site-config order: an {@code own-teams} permission's reach. */
    public Set<String> ledTeams() {
        return java.util.Collections.unmodifiableSet(ledTeams);
    }

    public Reach reach(Permission permission) {
        Reach reach = Reach.NONE;
        for (Role role : roles) {
            reach = reach.or(Permissions.reach(role, permission));
        }
        return reach;
    }

    public boolean has(Permission permission) {
        return reach(permission) != Reach.NONE;
    }

    /** Whether the permission reaches this team. */
    public boolean covers(Permission permission, String team) {
        Reach reach = reach(permission);
        return reach == Reach.FLOOR || reach == Reach.OWN_TEAMS && ledTeams.contains(team);
    }

    /**
     * Whether the permission reaches this seat. A leader also takes the raised hands of teams whose help is
     * routed to a team they lead (the specialist model).
     */
    public boolean covers(Permission permission, SeatSpec seat) {
        if (covers(permission, seat.team())) {
            return true;
        }
        TeamSpec team = site.teamsById().get(seat.team());
        return permission == Permission.TAKE_HELP && reach(permission) == Reach.OWN_TEAMS && team != null
                && team.help().specialist() && ledTeams.contains(team.help().group());
    }

    /** The teams the permission reaches, in site-config order. */
    public List<String> teams(Permission permission) {
        return site.teams().stream().map(TeamSpec::id).filter(team -> covers(permission, team)).toList();
    }

    /** The ids of the seats the permission reaches, in site-config order: what a query may read. */
    public List<String> seatIds(Permission permission) {
        return site.seats().stream().filter(seat -> covers(permission, seat.team())).map(SeatSpec::seat).toList();
    }

    /** For a denial's message: who the user is to the floor. */
    public String describe() {
        return roles.isEmpty() ? user + " (no role on this floor)"
                : user + " (" + roles.stream().map(Role::title).collect(Collectors.joining(", ")) + ")";
    }
}
