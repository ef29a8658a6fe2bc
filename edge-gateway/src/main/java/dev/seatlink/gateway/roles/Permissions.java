package dev.seatlink.gateway.roles;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one permissions table: how far each role's hold on each permission reaches. Routes, the page (through
 * {@code /api/me}) and the docs ({@link #markdown}, checked against {@code docs/roles.md} by a test) all read it.
 */
public final class Permissions {
    private static final Map<Role, Map<Permission, Reach>> TABLE = new EnumMap<>(Role.class);

    static {
        Reach f = Reach.FLOOR;
        Reach own = Reach.OWN_TEAMS;
        grant(Role.CENTRE_MANAGER, f, Permission.VIEW_TEAMS, Permission.READ_REPORTS, Permission.READ_AUDIT,
                Permission.ACT_ON_SEATS, Permission.TAKE_HELP, Permission.MOVE, Permission.KEEP_DUTY_LOG,
                Permission.READ_AGENTS, Permission.EDIT_AGENTS, Permission.MANAGE_FLEET);
        grant(Role.DUTY_MANAGER, f, Permission.VIEW_TEAMS, Permission.READ_REPORTS, Permission.READ_AUDIT,
                Permission.ACT_ON_SEATS, Permission.TAKE_HELP, Permission.MOVE, Permission.KEEP_DUTY_LOG,
                Permission.READ_AGENTS);
        grant(Role.TEAM_LEADER, own, Permission.VIEW_TEAMS, Permission.READ_REPORTS, Permission.READ_AUDIT,
                Permission.ACT_ON_SEATS, Permission.TAKE_HELP, Permission.READ_AGENTS);
        grant(Role.QUALITY, f, Permission.VIEW_TEAMS, Permission.READ_REPORTS, Permission.READ_AGENTS);
        grant(Role.INTEGRATION, f, Permission.POST_PHONE_EVENTS);
    }

    private Permissions() {
    }

    private static void grant(Role role, Reach reach, Permission... permissions) {
        Map<Permission, Reach> granted = TABLE.computeIfAbsent(role, r -> new EnumMap<>(Permission.class));
        for (Permission permission : permissions) {
            granted.put(permission, reach);
        }
    }

    public static Reach reach(Role role, Permission permission) {
        return TABLE.getOrDefault(role, Map.of()).getOrDefault(permission, Reach.NONE);
    }

    /** The table as the docs print it: a row per permission, a column per role. */
    public static String markdown() {
        StringBuilder text = new StringBuilder("| Permission |");
        for (Role role : Role.values()) {
            text.append(' ').append(role.title()).append(" |");
        }
        text.append("\n|---|");
        text.append("---|".repeat(Role.values().length)).append('\n');
        for (Permission permission : Permission.values()) {
            text.append("| `").append(permission.label()).append("`: ").append(permission.description()).append(" |");
            for (Role role : Role.values()) {
                text.append(' ').append(reach(role, permission).text()).append(" |");
            }
            text.append('\n');
        }
        return text.toString();
    }
}
