package dev.seatlink.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.agents.Agent;
import dev.seatlink.gateway.agents.AgentCsv;
import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.agents.AgentFile;
import dev.seatlink.gateway.agents.AgentRules;
import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.audit.AuditTrail;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.protocol.Ids;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.seatlink.gateway.roles.Grants;
import dev.seatlink.gateway.roles.Permission;
import java.util.Set;

/**
 * The agent directory over HTTP. Reading it: a floor manager every agent, a team leader the agents of their teams.
 * Changing it: floor managers only, each change audited and saved before it shows.
 *
 * <ul>
 *   <li>{@code GET /api/agents}: {@code [{"id","name","team","skill","badge","active"}]}.</li>
 *   <li>{@code POST /api/agents/import} with {@code {"csv":"id,name,team,skill,badge,active\n…"}} (at most 2 MB):
 *       all or nothing — 200 {@code {"agents":n}} and the directory is replaced, or 400
 *       {@code {"error","problems":["line 7: …"]}} and nothing changes.</li>
 *   <li>{@code PUT /api/agents/{id}} with {@code {"name","team","skill"[,"badge","active"]}}: adds or changes one
 *       agent; 400 naming the field.</li>
 * </ul>
 * The wallboard reloads the floor after each change, showing names on the tiles.
 */
public final class AgentRoutes {
    static final int MAX_BODY_BYTES = AgentCsv.MAX_BYTES + 1024;
    static final String AUDIT_SEAT = "agents";

    private final Vertx vertx;
    private final FloorModel floor;
    private final Access access;
    private final AgentFile file;
    private final LiveUpdates live;
    private final AuditTrail audit;
    private final FloorClock clock;

    public AgentRoutes(Vertx vertx, FloorModel floor, Access access, AgentFile file, LiveUpdates live, AuditTrail audit,
                       FloorClock clock) {
        this.vertx = vertx;
        this.floor = floor;
        this.access = access;
        this.file = file;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/agents").handler(this::list);
        router.post("/api/agents/import").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                .handler(this::importCsv);
        router.put("/api/agents/:id").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::put);
    }

    private void list(RoutingContext ctx) {
        access.require(ctx, Permission.READ_AGENTS, AUDIT_SEAT, "read-agents").ifPresent(grants ->
                Json.respond(ctx, 200, floor.agents().all().stream()
                        .filter(a -> grants.covers(Permission.READ_AGENTS, a.team())).toList()));
    }

    /** The signed-in user who may edit the directory, or empty after answering 401/403 (a denial audited). */
    private Optional<String> editor(RoutingContext ctx, String action) {
        return access.require(ctx, Permission.EDIT_AGENTS, AUDIT_SEAT, action).map(Grants::user);
    }

    private void importCsv(RoutingContext ctx) {
        Optional<String> user = editor(ctx, "import-agents");
        if (user.isEmpty()) {
            return;
        }
        String text = ctx.body().asString();
        SiteConfig site = floor.site();
        vertx.executeBlocking(() -> { // up to 2 MB to parse and check: not on the event loop
            JsonNode body = Json.parse(text);
            if (body == null || !body.path("csv").isTextual()) {
                return new AgentCsv.Result(List.of(), List.of(
                        "send {\"csv\": \"id,name,team,skill,badge,active\\n...\"} as the body"));
            }
            AgentCsv.Result read = AgentCsv.read(body.path("csv").asText(), site);
            if (read.ok()) {
                file.save(new AgentDirectory(read.agents()));
            }
            return read;
        }, false).onSuccess(read -> {
            if (!read.ok()) {
                Json.respond(ctx, 400, Map.of("error", "nothing imported: " + read.problems().size() + " problem(s)",
                        "problems", read.problems()));
                return;
            }
            apply(new AgentDirectory(read.agents()), user.get(), "import-agents", read.agents().size() + " agents");
            Json.respond(ctx, 200, Map.of("agents", read.agents().size()));
        }).onFailure(e -> Json.error(ctx, 503, "the agent directory could not be saved: " + e.getMessage()));
    }

    private void put(RoutingContext ctx) {
        Optional<String> user = editor(ctx, "edit-agent");
        if (user.isEmpty()) {
            return;
        }
        JsonNode body = Json.parse(ctx.body().asString());
        String id = ctx.pathParam("id");
        if (body == null || !body.isObject()) {
            Json.error(ctx, 400, "send the agent as a JSON object {\"name\",\"team\",\"skill\"[,\"badge\",\"active\"]}");
            return;
        }
        Agent agent = new Agent(id, text(body, "name"), text(body, "team"), text(body, "skill"), text(body, "badge"),
                !body.has("active") || body.path("active").asBoolean(true));
        List<String> problems = new ArrayList<>(AgentRules.problems(agent, floor.site()));
        floor.agents().byBadge(agent.badge() == null ? "" : agent.badge()).filter(other -> !other.id().equals(id))
                .ifPresent(other -> problems.add("badge " + agent.badge() + " belongs to " + other.id()));
        if (!problems.isEmpty()) {
            Json.respond(ctx, 400, Map.of("error", String.join("; ", problems), "problems", problems));
            return;
        }
        AgentDirectory next = floor.agents().with(agent);
        vertx.executeBlocking(() -> {
            file.save(next);
            return null;
        }, false).onSuccess(saved -> {
            apply(next, user.get(), "edit-agent", Ids.printable(id));
            Json.respond(ctx, 200, agent);
        }).onFailure(e -> Json.error(ctx, 503, "the agent directory could not be saved: " + e.getMessage()));
    }

    private void apply(AgentDirectory directory, String user, String action, String detail) {
        floor.agents(directory);
        live.siteChanged(); // every wallboard reloads the floor, names and all
        audit.record(new AuditEntry(clock.millis(), user, AUDIT_SEAT, action, detail, AuditEntry.OK, null, null));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
