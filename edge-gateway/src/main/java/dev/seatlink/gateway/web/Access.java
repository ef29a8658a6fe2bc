package dev.seatlink.gateway.web;

import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.audit.AuditTrail;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.roles.Grants;
import dev.seatlink.gateway.roles.Permission;
import dev.seatlink.gateway.site.SeatSpec;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Every route's door: signs the user in ({@link SignIn}), asks their {@link Grants} for the route's
 * permission, and answers 403 to a user without it — each denial written to the audit trail, with what was
 * asked of what.
 */
public final class Access {
    private final SignIn signIn;
    private final FloorModel floor;
    private final AuditTrail audit;
    private final FloorClock clock;

    public Access(SignIn signIn, FloorModel floor, AuditTrail audit, FloorClock clock) {
        this.signIn = signIn;
        this.floor = floor;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in user's grants, whatever they hold; empty after answering 401/429/503 itself. */
    Optional<Grants> signedIn(RoutingContext ctx) {
        return signIn.require(ctx).map(user -> new Grants(floor.site(), user, floor.roster(), clock.millis()));
    }

    /**
     * The user's grants when they hold {@code permission} for some team; else empty, after answering
     * (403 with the denial audited as {@code action} on {@code subject}: a seat id or what the route is about).
     */
    Optional<Grants> require(RoutingContext ctx, Permission permission, String subject, String action) {
        Optional<Grants> grants = signedIn(ctx);
        if (grants.isPresent() && !grants.get().has(permission)) {
            deny(ctx, grants.get(), permission, subject, action, null);
            return Optional.empty();
        }
        return grants;
    }

    /** Whether the grants reach the team; if not, answered 403 and audited. */
    boolean allowTeam(RoutingContext ctx, Grants grants, Permission permission, String team, String action) {
        if (grants.covers(permission, team)) {
            return true;
        }
        deny(ctx, grants, permission, "team " + team, action, null);
        return false;
    }

    /** Whether the grants reach the seat; if not, answered 403 and audited with what was asked. */
    boolean allowSeat(RoutingContext ctx, Grants grants, Permission permission, SeatSpec seat, String action,
                      String detail) {
        if (grants.covers(permission, seat)) {
            return true;
        }
        deny(ctx, grants, permission, seat.seat(), action, detail);
        return false;
    }

    private void deny(RoutingContext ctx, Grants grants, Permission permission, String subject, String action,
                      String detail) {
        String why = grants.describe() + " may not " + permission.description() + " [" + subject + "]";
        audit.record(new AuditEntry(clock.millis(), grants.user(), subject, action, detail, AuditEntry.DENIED,
                "lacks " + permission.label(), null));
        Logger.warn("denied: {} {}", action, why);
        Json.error(ctx, 403, why);
    }
}
