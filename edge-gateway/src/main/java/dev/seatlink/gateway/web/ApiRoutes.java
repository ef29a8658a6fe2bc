package dev.seatlink.gateway.web;

import dev.seatlink.gateway.floor.FloorCounts;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.metrics.PrometheusText;
import dev.seatlink.gateway.site.SeatMap;
import dev.seatlink.gateway.store.StoreWriter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The gateway's HTTP surface, as protocol v1 lists it. Handlers run on the context that owns the
 * {@link FloorModel}, so they read it directly and never block.
 */
public final class ApiRoutes {
    private final SeatMap map;
    private final FloorModel floor;
    private final SseStream stream;
    private final Metrics metrics;
    private final BooleanSupplier brokerUp;
    private final StoreWriter store;
    private final EventHistory history;

    public ApiRoutes(SeatMap map, FloorModel floor, SseStream stream, Metrics metrics, BooleanSupplier brokerUp,
                     StoreWriter store, EventHistory history) {
        this.map = map;
        this.floor = floor;
        this.stream = stream;
        this.metrics = metrics;
        this.brokerUp = brokerUp;
        this.store = store;
        this.history = history;
    }

    public void mount(Router router) {
        router.get("/api/floor").handler(this::floor);
        router.get("/api/seats/:seat").handler(this::seat);
        router.get("/api/seats/:seat/events").handler(this::events);
        router.get("/api/stream").handler(this::stream);
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(this::metrics);
        router.route("/api/*").handler(ctx -> Json.error(ctx, 404, "no such API: " + ctx.request().path()));
        router.get("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    }

    /** The whole floor: seats, teams with counts, floor KPIs. */
    public FloorSnapshot snapshot() {
        FloorCounts counts = floor.counts();
        return new FloorSnapshot(map.site(), map.floor(), floor.seats(),
                map.teams().stream().map(t -> new FloorSnapshot.Team(t.id(), t.name(), t.leader(),
                        counts.teams().get(t.id()))).toList(),
                FloorSnapshot.Kpis.of(counts));
    }

    private void floor(RoutingContext ctx) {
        Json.respond(ctx, 200, snapshot());
    }

    private void seat(RoutingContext ctx) {
        String seat = ctx.pathParam("seat");
        floor.seat(seat).ifPresentOrElse(view -> Json.respond(ctx, 200, view),
                () -> Json.error(ctx, 404, "unknown seat '" + dev.seatlink.protocol.Ids.printable(seat) + "'"));
    }

    private void events(RoutingContext ctx) {
        String seat = ctx.pathParam("seat");
        if (!floor.knows(seat)) {
            Json.error(ctx, 404, "unknown seat '" + dev.seatlink.protocol.Ids.printable(seat) + "'");
            return;
        }
        long after;
        int limit;
        try {
            after = Long.parseLong(ctx.request().getParam("after", "0"));
            limit = Integer.parseInt(ctx.request().getParam("limit", String.valueOf(EventHistory.DEFAULT_LIMIT)));
        } catch (NumberFormatException e) {
            Json.error(ctx, 400, "after and limit must be whole numbers");
            return;
        }
        if (after < 0 || limit < 1 || limit > EventHistory.MAX_LIMIT) {
            Json.error(ctx, 400, "after must be >= 0 and limit 1-" + EventHistory.MAX_LIMIT);
            return;
        }
        history.events(seat, after, limit)
                .onSuccess(events -> Json.respond(ctx, 200, events))
                .onFailure(e -> Json.error(ctx, 503, e.getMessage()));
    }

    private void stream(RoutingContext ctx) {
        stream.add(ctx.response(), "kpis", Json.write(FloorSnapshot.Kpis.of(floor.counts())));
    }

    private void health(RoutingContext ctx) {
        boolean brokerLink = brokerUp.getAsBoolean();
        String storeProblem = store.problem();
        boolean up = brokerLink && storeProblem == null;
        FloorCounts counts = floor.counts();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("broker", brokerLink ? "UP" : "DOWN");
        body.put("store", storeProblem == null ? "UP" : "DOWN: " + storeProblem + " (ingest paused)");
        body.put("site", map.site());
        body.put("floor", map.floor());
        body.put("seats", counts.seats());
        body.put("online", counts.online());
        Json.respond(ctx, up ? 200 : 503, body);
    }

    private void metrics(RoutingContext ctx) {
        FloorCounts counts = floor.counts();
        String text = PrometheusText.render(metrics, new PrometheusText.Gauges(counts.seats(), counts.online(),
                counts.states(), stream.size(), brokerUp.getAsBoolean(), new PrometheusText.StoreFigures(
                        store.storedCount(), store.batchCount(), store.failureCount(), store.queued(),
                        store.problem() == null)));
        ctx.response().putHeader("Content-Type", PrometheusText.CONTENT_TYPE).end(text);
    }
}
