package dev.seatlink.gateway.web;

import dev.seatlink.gateway.apply.CommandAnswers;
import dev.seatlink.gateway.apply.CommandSender;
import dev.seatlink.gateway.apply.SeatPace;
import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.audit.AuditTrail;
import dev.seatlink.gateway.brokerlink.LinkHealth;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.SeatView;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.roles.Grants;
import dev.seatlink.gateway.roles.Permission;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.CommandResult;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Supervisor actions over HTTP. Each is a {@code cmd} to the seat and completes only on the seat's
 * {@code cmd-result}, or fails after {@code --command-timeout-seconds} (10 s) without one; every step lands in the audit log.
 *
 * <ul>
 *   <li>{@code POST /api/seats/{seat}/commands} with a body as the contract's {@code cmd} without
 *       {@code v}, {@code id}, {@code ts} and {@code by} ({@code by} is the signed-in user). Answers 202
 *       {@code {"id","seat","cmd","status":"pending"}}; 400 for a bad body, 401 without valid credentials,
 *       403 when the user may not act on the seat ({@code act-on-seats}, or {@code take-help} for
 *       {@code ack-help}: a team leader on their own teams and the raised hands routed to them, a centre or duty
 *       manager on every seat; see {@link dev.seatlink.gateway.roles.Permissions}), 404 for an unknown seat, 415 for a body
 *       that is not {@code application/json} and 403 for a request from another site's page (see
 *       {@link SameOrigin}), 429 for a second rebirth or replay of a seat within 10 s, 503 while the
 *       broker link is down or when no supervisor accounts are configured.</li>
 *   <li>{@code GET /api/commands/{id}}: {@code {"id","seat","cmd","status","error"}} with status pending, ok,
 *       refused or timeout (the last {@value #KEPT} are kept).</li>
 *   <li>{@code GET /api/me}: the signed-in user, their roles, the teams they lead and how far each
 *       permission reaches ({@code may}), which the page shows its buttons by.</li>
 * </ul>
 * Runs on the floor's context. Passwords are never logged.
 */
public final class CommandRoutes implements CommandAnswers {
    static final int KEPT = 1000;
    static final int MAX_BODY_BYTES = 2048;
    static final String PENDING = "pending";
    /** A seat is asked for a rebirth or replay through the API at most this often (each can resend its journal). */
    static final long REPAIR_INTERVAL_MS = 10_000;

    private final FloorModel floor;
    private final Access access;
    private final CommandSender send;
    private final LinkHealth brokerUp;
    private final FloorClock clock;
    private final AuditTrail audit;
    private final GatewayRole role;
    private final long timeoutMs;
    private final Map<String, Outcome> outcomes = lastKept();
    private final SeatPace repairs = new SeatPace(REPAIR_INTERVAL_MS);

    /** A command sent for a supervisor, and how it ended so far. */
    private record Outcome(String seat, String cmd, String user, String detail, long sentAt, Long helpSince,
                           String status, String error) {
        Outcome ended(String newStatus, String newError) {
            return new Outcome(seat, cmd, user, detail, sentAt, helpSince, newStatus, newError);
        }
    }

    public CommandRoutes(FloorModel floor, Access access, CommandSender send, LinkHealth brokerUp, GatewayRole role,
                         FloorClock clock, AuditTrail audit, int timeoutS) {
        this.timeoutMs = timeoutS * 1000L;
        this.floor = floor;
        this.role = role;
        this.access = access;
        this.send = send;
        this.brokerUp = brokerUp;
        this.clock = clock;
        this.audit = audit;
    }

    /** A map that keeps the newest {@value #KEPT} entries. */
    private static <V> Map<String, V> lastKept() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KEPT;
            }
        };
    }

    public void mount(Router router) {
        router.post("/api/seats/:seat/commands").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                .handler(this::command);
        router.get("/api/commands/:id").handler(this::result);
        router.get("/api/me").handler(this::me);
    }

    private static boolean isLinkRepair(Command command) {
        return command instanceof Command.Rebirth || command instanceof Command.Replay;
    }

    /** A seat answered a command (from its {@code cmd-result}). */
    @Override
    public void answered(String seat, CommandResult result) {
        Outcome outcome = outcomes.get(result.id());
        if (outcome == null || !outcome.seat().equals(seat) || !PENDING.equals(outcome.status())) {
            return;
        }
        long now = clock.millis();
        end(result.id(), outcome, result.ok() ? AuditEntry.OK : AuditEntry.REFUSED, result.error(), now);
        if (result.ok() && "ack-help".equals(outcome.cmd()) && outcome.helpSince() != null) {
            floor.helpTaken(seat, outcome.user(), outcome.helpSince(), now);
        }
    }

    /** Fails the commands the seats have not answered in time. */
    public void expire(long now) {
        outcomes.entrySet().stream()
                .filter(e -> PENDING.equals(e.getValue().status()) && now - e.getValue().sentAt() > timeoutMs)
                .toList()
                .forEach(e -> end(e.getKey(), e.getValue(), AuditEntry.TIMEOUT,
                        "seat " + e.getValue().seat() + " did not answer within " + timeoutMs / 1000 + " s", now));
    }

    private void end(String id, Outcome outcome, String status, String error, long now) {
        outcomes.put(id, outcome.ended(status, error));
        audit.record(new AuditEntry(now, outcome.user(), outcome.seat(), outcome.cmd(), outcome.detail(), status, error,
                id));
        if (!AuditEntry.OK.equals(status)) {
            Logger.warn("{} from {} to seat {} ({}): {} {}", outcome.cmd(), outcome.user(), outcome.seat(), id, status,
                    error);
        }
    }

    private void command(RoutingContext ctx) {
        Optional<Grants> grants = access.signedIn(ctx);
        if (grants.isEmpty()) {
            return;
        }
        String user = grants.get().user();
        SiteConfig site = floor.site();
        Optional<SeatSpec> spec = PathSeat.of(ctx, site);
        if (spec.isEmpty()) {
            return;
        }
        String seat = spec.get().seat();
        Command command;
        try {
            command = CommandBodies.parse(ctx.body().asString(), user, clock.millis());
        } catch (IllegalArgumentException e) { // includes ProtocolViolation: the message names the field
            Json.error(ctx, 400, e.getMessage());
            return;
        }
        String cmd = CommandBodies.name(command);
        long now = clock.millis();
        Permission needed = command instanceof Command.AckHelp ? Permission.TAKE_HELP : Permission.ACT_ON_SEATS;
        if (!access.allowSeat(ctx, grants.get(), needed, spec.get(), cmd, CommandBodies.detail(command))) {
            return;
        }
        if (role.role() != Role.PRIMARY) {
            StandbyAnswer.send(ctx, role, "the command was not sent"); // only the primary sends: none twice
            return;
        }
        if (!brokerUp.isConnected()) {
            Json.error(ctx, 503, "the broker link is down; the command was not sent");
            return;
        }
        if (isLinkRepair(command) && !repairs.due(seat, now)) {
            ctx.response().putHeader("Retry-After", String.valueOf(REPAIR_INTERVAL_MS / 1000));
            Json.error(ctx, 429, "seat " + seat + " was asked for a rebirth or replay less than "
                    + REPAIR_INTERVAL_MS / 1000 + " s ago");
            return;
        }
        send.command(seat, command);
        Long helpSince = floor.seat(seat).map(SeatView::helpSince).orElse(null);
        outcomes.put(command.id(), new Outcome(seat, cmd, user, CommandBodies.detail(command), now, helpSince, PENDING,
                null));
        audit.record(new AuditEntry(now, user, seat, cmd, CommandBodies.detail(command), AuditEntry.SENT, null,
                command.id()));
        Logger.info("supervisor {} sent {} to seat {} ({})", user, cmd, seat, command.id());
        Json.respond(ctx, 202, Map.of("id", command.id(), "seat", seat, "cmd", cmd, "status", PENDING));
    }

    private void me(RoutingContext ctx) {
        access.signedIn(ctx).ifPresent(grants -> Json.respond(ctx, 200, MeJson.of(grants)));
    }

    private void result(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Outcome outcome = outcomes.get(id);
        if (outcome == null) {
            Json.error(ctx, 404, "unknown command id");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("seat", outcome.seat());
        body.put("cmd", outcome.cmd());
        body.put("status", outcome.status());
        body.put("error", outcome.error());
        Json.respond(ctx, 200, body);
    }
}
