package dev.seatlink.gateway.web;

import dev.seatlink.gateway.lease.GatewayRole;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a standby answers an action only the primary carries out: where the primary is (409), or a retry while
 * the lease is changing hands (503). Nothing was done, so a retry loses and doubles nothing.
 */
final class StandbyAnswer {
    private StandbyAnswer() {
    }

    /** {@code what} names what was not done, e.g. "the command was not sent". */
    static void send(RoutingContext ctx, GatewayRole role, String what) {
        if (role.primary() == null) {
            ctx.response().putHeader("Retry-After", "5");
            Json.error(ctx, 503, "the floor has no primary gateway at this moment (one is taking over); " + what
                    + ": try again in a few seconds");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "this gateway (" + role.self() + ") is the floor's standby; " + what + ": ask the primary, "
                + role.primary() + (role.primaryUrl() == null ? "" : ", at " + role.primaryUrl()));
        body.put("primary", role.primary());
        body.put("primaryUrl", role.primaryUrl());
        Json.respond(ctx, 409, body);
    }
}
