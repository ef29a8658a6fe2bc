package dev.seatlink.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.audit.AuditTrail;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.brokerlink.LinkHealth;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.SeatView;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.gateway.moves.FloorLayout;
import dev.seatlink.gateway.moves.Move;
import dev.seatlink.gateway.moves.MoveFile;
import dev.seatlink.gateway.roles.Grants;
import dev.seatlink.gateway.roles.Permission;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.protocol.FloorMoves;
import dev.seatlink.protocol.Ids;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Moves during a shift: a duty or centre manager puts a seat — or the seat an agent is signed in at — in another
 * team for the rest of the shift or for good ({@link FloorLayout}); team figures, minimum-ready checks, help
 * routing and the seat's config follow at once. Each move is saved ({@link MoveFile}) before it is answered,
 * and audited.
 *
 * <ul>
 *   <li>{@code GET /api/moves} ({@code view-teams}): {@code {"moves":[{"seat","agent","from","to","until","by","at"}]}},
 *       {@code until} 0 for good.</li>
 *   <li>{@code POST /api/moves} ({@code move}) with {@code {"seat":"s-001"|"agent":"a1001","team":"vip-care",
 *       "for":"shift"|"good"}}: 200 with the move; 400 naming the field; 404 unknown seat; 409 the agent is not
 *       signed in at a seat, or the seat is already in that team; 409/503 from a standby.</li>
 *   <li>{@code DELETE /api/moves/{seat}} ({@code move}): the seat goes back to its site-config team; 404 when
 *       it was not moved.</li>
 * </ul>
 */
public final class MoveRoutes {
    static final int MAX_BODY_BYTES = 1024;
    private static final String FOR_SHIFT = "shift";
    private static final String FOR_GOOD = "good";

    private final Vertx vertx;
    private final FloorModel floor;
    private final FloorLayout layout;
    private final MoveFile file;
    private final Access access;
    private final GatewayRole role;
    private final LinkHealth link;
    private final AuditTrail audit;
    private final FloorClock clock;

    public MoveRoutes(Vertx vertx, FloorModel floor, FloorLayout layout, MoveFile file, Access access,
                      GatewayRole role, LinkHealth link, AuditTrail audit, FloorClock clock) {
        this.vertx = vertx;
        this.floor = floor;
        this.layout = layout;
        this.file = file;
        this.access = access;
        this.role = role;
        this.link = link;
        this.audit = audit;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/moves").handler(this::list);
        router.post("/api/moves").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(this::move);
        router.delete("/api/moves/:seat").handler(this::undo);
    }

    private void list(RoutingContext ctx) {
        access.require(ctx, Permission.VIEW_TEAMS, "moves", "read-moves")
                .ifPresent(grants -> Json.respond(ctx, 200, Map.of("moves", layout.moves())));
    }

    private void move(RoutingContext ctx) {
        Optional<Grants> grants = access.require(ctx, Permission.MOVE, "moves", "move");
        if (grants.isEmpty()) {
            return;
        }
        JsonNode body = Json.parse(ctx.body().asString());
        if (body == null || !body.isObject()) {
            Json.error(ctx, 400, "send {\"seat\" or \"agent\", \"team\", \"for\": \"shift\" or \"good\"}");
            return;
        }
        SiteConfig site = floor.site();
        String team = body.path("team").asText("");
        String span = body.path("for").asText(FOR_SHIFT);
        if (site.team(team).isEmpty()) {
            Json.error(ctx, 400, "team: '" + Ids.printable(team) + "' is not one of the floor's teams");
            return;
        }
        if (!FOR_SHIFT.equals(span) && !FOR_GOOD.equals(span)) {
            Json.error(ctx, 400, "for: must be \"shift\" (until the shift ends) or \"good\"");
            return;
        }
        String agent = body.hasNonNull("agent") ? body.path("agent").asText() : null;
        Optional<SeatView> seat = agent != null ? seatOfAgent(agent)
                : floor.seat(body.path("seat").asText(""));
        if (seat.isEmpty()) {
            if (agent != null) {
                Json.error(ctx, 409, "agent '" + Ids.printable(agent) + "' is not signed in at any seat of this floor");
            } else {
                Json.error(ctx, 404, "seat: '" + Ids.printable(body.path("seat").asText("")) + "' is not a seat of "
                        + "this floor");
            }
            return;
        }
        if (seat.get().team().equals(team)) {
            Json.error(ctx, 409, "seat " + seat.get().seat() + " is already in team " + team);
            return;
        }
        if (role.role() != Role.PRIMARY) {
            StandbyAnswer.send(ctx, role, "nobody was moved");
            return;
        }
        if (!link.isConnected()) { // the floor's other gateway learns moves over the broker
            Json.error(ctx, 503, "the broker link is down; nobody was moved");
            return;
        }
        if (layout.moves().size() >= FloorMoves.MAX_MOVES
                && layout.moves().stream().noneMatch(m -> m.seat().equals(seat.get().seat()))) {
            Json.error(ctx, 409, "at most " + FloorMoves.MAX_MOVES + " seats can be moved at once: undo some first");
            return;
        }
        long now = clock.millis();
        long until = FOR_GOOD.equals(span) ? 0 : site.shifts().endOf(now);
        Optional<Move> before = layout.moves().stream().filter(m -> m.seat().equals(seat.get().seat())).findFirst();
        Move kept = layout.move(new Move(seat.get().seat(), agent, seat.get().team(), team, until,
                grants.get().user(), now));
        save(ctx, grants.get().user(), kept.seat(), "move", kept.describe(), () -> {
            layout.undo(kept.seat());
            before.ifPresent(layout::move);
        }, kept);
    }

    private void undo(RoutingContext ctx) {
        String seat = ctx.pathParam("seat");
        Optional<Grants> grants = access.require(ctx, Permission.MOVE, Ids.isValid(seat) ? seat : "moves", "undo-move");
        if (grants.isEmpty()) {
            return;
        }
        if (role.role() != Role.PRIMARY) {
            StandbyAnswer.send(ctx, role, "nobody was moved back");
            return;
        }
        Optional<Move> undone = layout.undo(seat);
        if (undone.isEmpty()) {
            Json.error(ctx, 404, "seat '" + Ids.printable(seat) + "' is not moved");
            return;
        }
        save(ctx, grants.get().user(), seat, "undo-move", undone.get().describe(), () -> layout.move(undone.get()),
                Map.of("seat", seat, "team", floor.seat(seat).map(SeatView::team).orElse("")));
    }

    /** Saves the moves in force, then answers; a move that cannot be saved is taken back (503). */
    private void save(RoutingContext ctx, String user, String seat, String action, String detail, Runnable takeBack,
                      Object answer) {
        java.util.List<Move> now = layout.moves();
        vertx.executeBlocking(() -> {
            file.save(now);
            return null;
        }, false).onSuccess(saved -> {
            audit.record(new AuditEntry(clock.millis(), user, seat, action, detail, AuditEntry.OK, null, null));
            Logger.info("{} by {}: seat {} {}", action, user, seat, detail);
            Json.respond(ctx, 200, answer);
        }).onFailure(e -> {
            takeBack.run();
            Json.error(ctx, 503, "the move could not be saved, so it was not made: " + e.getMessage());
        });
    }

    /** The seat the agent is signed in at now. */
    private Optional<SeatView> seatOfAgent(String agent) {
        return floor.seatsSignedInBy(agent).stream().findFirst();
    }
}
