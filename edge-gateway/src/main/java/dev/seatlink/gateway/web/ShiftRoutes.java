package dev.seatlink.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.audit.AuditTrail;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.brokerlink.ShiftRecordPublisher;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.gateway.roles.Grants;
import dev.seatlink.gateway.roles.Permission;
import dev.seatlink.gateway.shift.DutyLogEntry;
import dev.seatlink.gateway.shift.HandoverBuilder;
import dev.seatlink.gateway.shift.HandoverJson;
import dev.seatlink.gateway.shift.HandoverPage;
import dev.seatlink.gateway.shift.ShiftRecords;
import dev.seatlink.gateway.shift.StoredHandover;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.protocol.ShiftRecord;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The duty log and the handover report, for duty and centre managers ({@code keep-duty-log}). On a floor's pair
 * only the primary writes the log and takes acknowledgements (the standby answers 409 with the primary's URL), and
 * shares each with the standby ({@link ShiftRecordPublisher}).
 *
 * <ul>
 *   <li>{@code POST /api/duty-log} with {@code {"kind":"incident"|"staffing"|"note","text","open"?}}: 201 the line.</li>
 *   <li>{@code GET /api/duty-log[?from=&to=]}: the lines, oldest first (default: the running shift).</li>
 *   <li>{@code GET /api/handover?shift=current|previous|MS[&format=html]}: the running shift's report so far,
 *       the last ended shift's or the one that began at MS, as JSON (with {@code acknowledgedBy} and
 *       {@code acknowledgedAt}) or a printable page; 404 when it was not made (yet).</li>
 *   <li>{@code POST /api/handover/ack} with {@code {"shift":MS}}: the next duty manager acknowledges a kept
 *       report; 404 none kept, 409 already acknowledged (by whom).</li>
 * </ul>
 */
public final class ShiftRoutes {
    static final int MAX_BODY_BYTES = 8 * 1024;

    private final Vertx vertx;
    private final FloorModel floor;
    private final ShiftRecords records;
    private final HandoverBuilder builder;
    private final Access access;
    private final GatewayRole role;
    private final ShiftRecordPublisher share;
    private final AuditTrail audit;
    private final FloorClock clock;

    public ShiftRoutes(Vertx vertx, FloorModel floor, ShiftRecords records, HandoverBuilder builder, Access access,
                       GatewayRole role, ShiftRecordPublisher share, AuditTrail audit, FloorClock clock) {
        this.vertx = vertx;
        this.floor = floor;
        this.records = records;
        this.builder = builder;
        this.access = access;
        this.role = role;
        this.share = share;
        this.audit = audit;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.post("/api/duty-log").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(this::write);
        router.get("/api/duty-log").handler(this::read);
        router.get("/api/handover").handler(this::handover);
        router.post("/api/handover/ack").handler(BodyHandler.create().setBodyLimit(1024)).handler(this::acknowledge);
    }

    private Optional<Grants> dutyManager(RoutingContext ctx, String action) {
        return access.require(ctx, Permission.KEEP_DUTY_LOG, "duty-log", action);
    }

    private void write(RoutingContext ctx) {
        Optional<Grants> grants = dutyManager(ctx, "write-duty-log");
        if (grants.isEmpty()) {
            return;
        }
        if (role.role() != Role.PRIMARY) { // one log per floor: the primary's
            StandbyAnswer.send(ctx, role, "nothing was written");
            return;
        }
        JsonNode body = Json.parse(ctx.body().asString());
        if (body == null || !body.isObject()) {
            Json.error(ctx, 400, "send {\"kind\":\"incident\"|\"staffing\"|\"note\",\"text\":\"…\",\"open\":false}");
            return;
        }
        String kind = body.path("kind").asText("");
        String text = body.path("text").isTextual() ? body.path("text").asText() : null;
        String problem = DutyLogEntry.problem(kind, text);
        if (problem != null) {
            Json.error(ctx, 400, problem);
            return;
        }
        DutyLogEntry entry = new DutyLogEntry(0, clock.millis(), grants.get().user(), kind, text.strip(),
                body.path("open").asBoolean(false), UUID.randomUUID().toString());
        vertx.executeBlocking(() -> records.write(entry), false).onSuccess(written -> {
            share.publish(ShiftRecord.line(written.ref(), written.at(), written.author(), written.kind(),
                    written.text(), written.open()));
            audit.record(new AuditEntry(written.at(), written.author(), "duty-log", "write-duty-log", kind,
                    AuditEntry.OK, null, null));
            Json.respond(ctx, 201, written);
        }).onFailure(e -> Json.error(ctx, 503, "the duty log could not be written: " + e.getMessage()));
    }

    private void read(RoutingContext ctx) {
        if (dutyManager(ctx, "read-duty-log").isEmpty()) {
            return;
        }
        long now = clock.millis();
        long from;
        long to;
        try {
            from = Long.parseLong(ctx.request().getParam("from", String.valueOf(floor.site().shifts().startOf(now))));
            to = Long.parseLong(ctx.request().getParam("to", String.valueOf(now + 1)));
        } catch (NumberFormatException e) {
            Json.error(ctx, 400, "from and to must be ms since the epoch");
            return;
        }
        vertx.executeBlocking(() -> records.log(from, to), false)
                .onSuccess(lines -> Json.respond(ctx, 200, lines))
                .onFailure(e -> Json.error(ctx, 503, "the duty log could not be read: " + e.getMessage()));
    }

    private void handover(RoutingContext ctx) {
        if (dutyManager(ctx, "read-handover").isEmpty()) {
            return;
        }
        SiteConfig site = floor.site();
        long now = clock.millis();
        String shift = ctx.request().getParam("shift", "current");
        boolean html = "html".equals(ctx.request().getParam("format"));
        if ("current".equals(shift)) {
            long start = site.shifts().startOf(now);
            var alerts = floor.alerts();
            var hands = floor.helpQueue(now);
            var agents = floor.agents();
            var roster = floor.roster();
            vertx.executeBlocking(() -> HandoverJson.write(builder.build(site, agents, roster, start, now, now, false,
                    alerts, hands)), false)
                    .onSuccess(json -> answer(ctx, site, new StoredHandover(start, now, now, json, null, null), html))
                    .onFailure(e -> Json.error(ctx, 503, "the report could not be made: " + e.getMessage()));
            return;
        }
        long start;
        try {
            start = "previous".equals(shift) ? site.shifts().startOf(site.shifts().startOf(now) - 1)
                    : Long.parseLong(shift);
        } catch (NumberFormatException e) {
            Json.error(ctx, 400, "shift: current, previous or a shift's start in ms since the epoch");
            return;
        }
        vertx.executeBlocking(() -> records.handover(start), false).onSuccess(kept -> {
            if (kept.isEmpty()) {
                Json.error(ctx, 404, "no handover report is kept for the shift that began at " + start
                        + " (a shift's report is made at its end)");
            } else {
                answer(ctx, site, kept.get(), html);
            }
        }).onFailure(e -> Json.error(ctx, 503, "the report could not be read: " + e.getMessage()));
    }

    private static void answer(RoutingContext ctx, SiteConfig site, StoredHandover kept, boolean html) {
        JsonNode report = HandoverJson.read(kept.report());
        if (html) {
            ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .end(HandoverPage.of(report, site.shifts().zone(), kept.acknowledgedBy(), kept.acknowledgedAt()));
            return;
        }
        ObjectNode body = (ObjectNode) report;
        body.put("acknowledgedBy", kept.acknowledgedBy());
        body.put("acknowledgedAt", kept.acknowledgedAt());
        Json.respond(ctx, 200, body);
    }

    /** Whether an acknowledgement was written; if not, the report as kept (if any). */
    private record Acknowledged(boolean done, Optional<StoredHandover> kept) {
    }

    private void acknowledge(RoutingContext ctx) {
        Optional<Grants> grants = dutyManager(ctx, "acknowledge-handover");
        if (grants.isEmpty()) {
            return;
        }
        JsonNode body = Json.parse(ctx.body().asString());
        if (body == null || !body.path("shift").canConvertToLong()) {
            Json.error(ctx, 400, "send {\"shift\": the shift's start in ms since the epoch}");
            return;
        }
        if (role.role() != Role.PRIMARY) {
            StandbyAnswer.send(ctx, role, "nothing was acknowledged");
            return;
        }
        long start = body.path("shift").asLong();
        String user = grants.get().user();
        long now = clock.millis();
        vertx.executeBlocking(() -> records.acknowledge(start, user, now) ? new Acknowledged(true, Optional.empty())
                : new Acknowledged(false, records.handover(start)), false).onSuccess(outcome -> {
            if (outcome.done()) {
                share.publish(ShiftRecord.acknowledgement(UUID.randomUUID().toString(), now, user, start));
                audit.record(new AuditEntry(now, user, "duty-log", "acknowledge-handover", String.valueOf(start),
                        AuditEntry.OK, null, null));
                Json.respond(ctx, 200, Map.of("shift", start, "acknowledgedBy", user, "acknowledgedAt", now));
            } else if (outcome.kept().isEmpty()) {
                Json.error(ctx, 404, "no handover report is kept for the shift that began at " + start);
            } else {
                Json.error(ctx, 409, "already acknowledged by " + outcome.kept().get().acknowledgedBy());
            }
        }).onFailure(e -> Json.error(ctx, 503, "the acknowledgement could not be written: " + e.getMessage()));
    }
}
