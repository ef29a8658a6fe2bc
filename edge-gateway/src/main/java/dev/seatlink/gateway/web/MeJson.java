package dev.seatlink.gateway.web;

import dev.seatlink.gateway.roles.Grants;
import dev.seatlink.gateway.roles.Permission;
import dev.seatlink.gateway.roles.Reach;
import dev.seatlink.gateway.roles.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/me}: who the page is signed in as and what they may do — the page shows a button only when
 * {@code may} holds its permission for the seat's team ({@code "floor"}, or {@code "own-teams"} with the
 * team in {@code teams}).
 */
final class MeJson {
    private MeJson() {
    }

    static Map<String, Object> of(Grants grants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", grants.user());
        List<String> roles = grants.roles().stream().map(Role::label).toList();
        body.put("roles", roles);
        body.put("role", roles.isEmpty() ? "none" : roles.get(0));
        body.put("teams", List.copyOf(grants.ledTeams()));
        Map<String, String> may = new LinkedHashMap<>();
        for (Permission permission : Permission.values()) {
            Reach reach = grants.reach(permission);
            if (reach != Reach.NONE) {
                may.put(permission.label(), reach.label());
            }
        }
        body.put("may", may);
        return body;
    }
}
