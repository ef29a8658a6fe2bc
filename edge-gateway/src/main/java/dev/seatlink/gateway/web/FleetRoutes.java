package dev.seatlink.gateway.web;

import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.audit.AuditTrail;
import dev.seatlink.gateway.brokerlink.LinkHealth;
import dev.seatlink.gateway.floor.FleetEntry;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.LeftoverSeats;
import dev.seatlink.gateway.jetstream.ClusterFigures;
import dev.seatlink.gateway.jetstream.ClusterView;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.protocol.Ids;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.seatlink.gateway.roles.Grants;
import dev.seatlink.gateway.roles.Permission;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tinylog.Logger;

/**
 * The technicians' fleet: {@code GET /api/fleet} lists every seat terminal (link, release, boot, gaps), the
 * messages its broker session holds for it when the cluster is read ({@code --nats-monitor}), and the
 * <em>leftovers</em>: seats not in the site config that the broker still speaks for (retained messages, a
 * terminal running with an old seat id) or keeps a session for. {@code DELETE /api/fleet/leftovers/{seat}}, for a
 * floor manager on the primary gateway, clears a leftover's retained messages and ends its session; audited.
 */
public final class FleetRoutes {
    static final String ACTION = "remove-leftover";

    private final FloorModel floor;
    private final ClusterView cluster;
    private final Access access;
    private final GatewayRole role;
    private final LinkHealth link;
    private final LeftoverRemover remover;
    private final AuditTrail audit;
    private final FloorClock clock;
    private final Set<String> removing = new TreeSet<>();

    public FleetRoutes(FloorModel floor, ClusterView cluster, Access access, GatewayRole role, LinkHealth link,
                       LeftoverRemover remover, AuditTrail audit, FloorClock clock) {
        this.floor = floor;
        this.cluster = cluster;
        this.access = access;
        this.role = role;
        this.link = link;
        this.remover = remover;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The body of {@code GET /api/fleet}; a record, so "now" always comes first.
     *
     * @param sessionsReadAt when the cluster's sessions were last read; 0 = never (then {@code queued} is empty and a
     *                       leftover's {@code session} null)
     * @param queued         per seat with a backlog, the messages its session holds for it
     */
    record Fleet(long now, List<FleetEntry> seats, long sessionsReadAt, Map<String, Long> queued,
                 List<Leftover> leftovers) {
    }

    /**
     * @param session whether the broker holds a session for it: null when unknown (not read, or not NATS)
     * @param queued  messages that session holds, or null
     */
    record Leftover(String seat, long lastHeardAt, Set<String> kinds, Boolean online, Boolean session, Long queued) {
    }

    public void mount(Router router) {
        router.get("/api/fleet").handler(ctx -> Json.respondFromWorker(ctx, 200, fleet()));
        router.delete("/api/fleet/leftovers/:seat").handler(this::remove);
    }

    Fleet fleet() {
        ClusterFigures figures = cluster.figures();
        Map<String, Long> queued = new TreeMap<>();
        figures.seatBacklog().forEach((seat, backlog) -> {
            if (backlog > 0) {
                queued.put(seat, backlog);
            }
        });
        return new Fleet(clock.millis(), floor.fleet(), figures.readAt(), queued, leftovers(figures));
    }

    private List<Leftover> leftovers(ClusterFigures figures) {
        Map<String, Leftover> all = new TreeMap<>();
        for (LeftoverSeats.Leftover heard : floor.leftovers().list(floor::knows)) {
            Long queued = figures.leftoverSessions().get(heard.seat());
            all.put(heard.seat(), new Leftover(heard.seat(), heard.lastHeardAt(), heard.kinds(), heard.online(),
                    figures.known() ? queued != null : null, queued));
        }
        figures.leftoverSessions().forEach((seat, queued) -> {
            if (!floor.knows(seat)) {
                all.putIfAbsent(seat, new Leftover(seat, 0, Set.of(), null, true, queued));
            }
        });
        return new ArrayList<>(all.values());
    }

    private void remove(RoutingContext ctx) {
        String seat = ctx.pathParam("seat");
        if (!Ids.isValid(seat)) {
            Json.error(ctx, 404, "'" + Ids.printable(seat) + "' is not a seat id");
            return;
        }
        Optional<String> user = access.require(ctx, Permission.MANAGE_FLEET, seat, ACTION).map(Grants::user);
        if (user.isEmpty()) {
            return;
        }
        long now = clock.millis();
        if (floor.knows(seat)) {
            Json.error(ctx, 409, "seat " + seat + " is in the site config: remove it there first");
            return;
        }
        Optional<Leftover> leftover = leftovers(cluster.figures()).stream().filter(l -> l.seat().equals(seat)).findFirst();
        if (leftover.isEmpty()) {
            Json.error(ctx, 404, "the broker keeps nothing known of seat " + seat);
            return;
        }
        if (Boolean.TRUE.equals(leftover.get().online())) {
            Json.error(ctx, 409, "seat " + seat + "'s last status says online: a terminal still runs with this seat id; "
                    + "switch it off, or give it a seat in the site config, first");
            return;
        }
        if (role.role() != Role.PRIMARY) {
            StandbyAnswer.send(ctx, role, "nothing was removed");
            return;
        }
        if (!link.isConnected() || !removing.add(seat)) {
            Json.error(ctx, 503, link.isConnected() ? "seat " + seat + " is being removed already"
                    : "the broker link is down; nothing was removed");
            return;
        }
        remover.remove(seat).onComplete(done -> {
            removing.remove(seat);
            long at = clock.millis();
            if (done.succeeded()) {
                floor.leftovers().forget(seat);
                cluster.refresh();
                audit.record(new AuditEntry(at, user.get(), seat, ACTION, null, AuditEntry.OK, null, null));
                Logger.info("{} removed leftover seat {}: retained messages cleared, session ended", user.get(), seat);
                Json.respond(ctx, 200, Map.of("seat", seat, "removed", List.of("retained status, state and config",
                        "broker session")));
            } else {
                String why = done.cause().getMessage();
                audit.record(new AuditEntry(at, user.get(), seat, ACTION, null, AuditEntry.REFUSED, why, null));
                Logger.warn("{} could not remove leftover seat {}: {}", user.get(), seat, why);
                Json.error(ctx, 502, why);
            }
        });
    }
}
