package dev.seatlink.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.agents.Agent;
import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.audit.AuditTrail;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.report.ReportYears;
import dev.seatlink.gateway.roles.Grants;
import dev.seatlink.gateway.roles.Permission;
import dev.seatlink.gateway.roles.Reach;
import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.roster.RosterCsv;
import dev.seatlink.gateway.roster.RosterFile;
import dev.seatlink.gateway.roster.Schedule;
import dev.seatlink.gateway.site.SiteConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roster over HTTP.
 *
 * <ul>
 *   <li>{@code POST /api/roster/import} ({@code edit-agents}; its agents are those of the directory and the site
 *       config's duty managers, whose shifts are when they hold that role) with {@code {"csv":"agent,date,start,end,breaks\n…"}}
 *       (at most 16 MB): all or nothing — 200 {@code {"shifts":n}} and the roster is replaced (saved first), or 400
 *       {@code {"error","problems":["line 7: …"]}} and nothing changes.</li>
 *   <li>{@code GET /api/roster?date=YYYY-MM-DD} ({@code view-teams}): the shifts that overlap that day in the
 *       site's zone (default today), of the agents whose home team the user may view:
 *       {@code [{"agent","day","shift":{"start","end"},"breaks":[…]}]}.</li>
 * </ul>
 */
public final class RosterRoutes {
    static final int MAX_BODY_BYTES = RosterCsv.MAX_BYTES + 1024;

    private final Vertx vertx;
    private final FloorModel floor;
    private final RosterFile file;
    private final Access access;
    private final AuditTrail audit;
    private final FloorClock clock;

    public RosterRoutes(Vertx vertx, FloorModel floor, RosterFile file, Access access, AuditTrail audit,
                        FloorClock clock) {
        this.vertx = vertx;
        this.floor = floor;
        this.file = file;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.post("/api/roster/import").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                .handler(this::importCsv);
        router.get("/api/roster").handler(this::read);
    }

    private void importCsv(RoutingContext ctx) {
        Optional<Grants> grants = access.require(ctx, Permission.EDIT_AGENTS, "roster", "import-roster");
        if (grants.isEmpty()) {
            return;
        }
        String text = ctx.body().asString();
        SiteConfig site = floor.site();
        Set<String> known = floor.agents().all().stream().map(Agent::id).collect(Collectors.toCollection(
                java.util.HashSet::new));
        if (!known.isEmpty()) {
            known.addAll(site.staff().dutyManagers()); // a duty manager's shifts: when they hold the role
        }
        vertx.executeBlocking(() -> { // up to 16 MB to parse and check: not on the event loop
            JsonNode body = Json.parse(text);
            if (body == null || !body.path("csv").isTextual()) {
                return new RosterCsv.Result(List.of(), List.of(
                        "send {\"csv\": \"agent,date,start,end,breaks\\n...\"} as the body"));
            }
            RosterCsv.Result read = RosterCsv.read(body.path("csv").asText(), site.shifts().zone(), known);
            if (read.ok()) {
                file.save(new Roster(read.schedules()));
            }
            return read;
        }, false).onSuccess(read -> {
            if (!read.ok()) {
                Json.respond(ctx, 400, Map.of("error", "nothing imported: " + read.problems().size() + " problem(s)",
                        "problems", read.problems()));
                return;
            }
            floor.roster(new Roster(read.schedules()));
            audit.record(new AuditEntry(clock.millis(), grants.get().user(), "roster", "import-roster",
                    read.schedules().size() + " shifts", AuditEntry.OK, null, null));
            Json.respond(ctx, 200, Map.of("shifts", read.schedules().size()));
        }).onFailure(e -> Json.error(ctx, 503, "the roster could not be saved: " + e.getMessage()));
    }

    private void read(RoutingContext ctx) {
        Optional<Grants> grants = access.require(ctx, Permission.VIEW_TEAMS, "roster", "read-roster");
        if (grants.isEmpty()) {
            return;
        }
        SiteConfig site = floor.site();
        LocalDate day;
        try {
            String given = ctx.request().getParam("date");
            day = given == null ? site.shifts().today(clock.millis()) : LocalDate.parse(given);
        } catch (java.time.DateTimeException e) {
            Json.error(ctx, 400, "date must be YYYY-MM-DD");
            return;
        }
        if (!ReportYears.holds(day.getYear())) {
            Json.error(ctx, 400, "date must be " + ReportYears.RANGE);
            return;
        }
        long from = site.shifts().startOfDay(day);
        long to = site.shifts().startOfDay(day.plusDays(1));
        boolean everyone = grants.get().reach(Permission.VIEW_TEAMS) == Reach.FLOOR;
        Set<String> visible = floor.agents().all().stream()
                .filter(a -> grants.get().covers(Permission.VIEW_TEAMS, a.team())).map(Agent::id)
                .collect(Collectors.toSet());
        Roster roster = floor.roster();
        List<Schedule> shifts = roster.agents().stream().filter(a -> everyone || visible.contains(a))
                .flatMap(a -> roster.of(a, from, to).stream()).toList();
        Json.respond(ctx, 200, shifts);
    }
}
