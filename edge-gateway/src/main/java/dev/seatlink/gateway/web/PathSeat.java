package dev.seatlink.gateway.web;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.protocol.Ids;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The seat a request's path names ({@code /api/seats/:seat/…}). */
final class PathSeat {
    private PathSeat() {
    }

    /** The seat, or empty after answering 404 when the site has no such seat. */
    static Optional<SeatSpec> of(RoutingContext ctx, SiteConfig site) {
        String seat = ctx.pathParam("seat");
        Optional<SeatSpec> spec = site.seat(seat);
        if (spec.isEmpty()) {
            Json.error(ctx, 404, "unknown seat '" + Ids.printable(seat) + "'");
        }
        return spec;
    }
}
