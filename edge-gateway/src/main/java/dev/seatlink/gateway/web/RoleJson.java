package dev.seatlink.gateway.web;

import dev.seatlink.gateway.lease.GatewayRole;
import java.util.LinkedHashMap;
import java.util.Map;

/** The gateway's role as /health and the floor snapshot show it, for the wallboard's badge and technicians. */
final class RoleJson {
    private RoleJson() {
    }

    static Map<String, Object> of(GatewayRole role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", role.self());
        body.put("role", role.role().label());
        body.put("paired", role.paired());
        body.put("claiming", role.claiming());
        body.put("primary", role.primary());
        body.put("primaryUrl", role.primaryUrl());
        return body;
    }
}
