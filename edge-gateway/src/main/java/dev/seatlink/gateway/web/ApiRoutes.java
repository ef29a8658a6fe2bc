package dev.seatlink.gateway.web;

import dev.seatlink.gateway.floor.FleetEntry;
import dev.seatlink.gateway.floor.FloorCounts;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.metrics.PrometheusText;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.store.StoreWriter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import dev.seatlink.gateway.floor.FloorKpis;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.TeamSpec;
import dev.seatlink.protocol.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The gateway's HTTP surface, as protocol v1 lists it. Handlers run on the context that owns the
 * {@link FloorModel}, so they read it directly and never block.
 */
public final class ApiRoutes {
    private final FloorModel floor;
    private final SeatJson seatJson = new SeatJson();
    private final SseStream stream;
    private final Metrics metrics;
    private final BooleanSupplier brokerUp;
    private final StoreWriter store;
    private final EventHistory history;
    private final LongSupplier clock;
    private final Supplier<String> siteProblem;
    private final SignIn signIn;
    /** How old the last tick's figures may be for a request to use them. */
    static final long FRESH_MS = 1_500;
    private FloorSnapshot.Live latest;
    private FloorCounts latestCounts;
    /** {@link #latest} as JSON, written once for the stream and every {@code /api/floor} until the next tick. */
    private RawJson latestJson;
    /** The teams with {@link #latestCounts}, written once per tick for {@code /api/floor}. */
    private RawJson latestTeamsJson;

    /** @param siteProblem why the last edit of the site config was refused, or null */
    public ApiRoutes(FloorModel floor, SseStream stream, Metrics metrics, BooleanSupplier brokerUp, StoreWriter store,
                     EventHistory history, LongSupplier clock, Supplier<String> siteProblem, SignIn signIn) {
        this.floor = floor;
        this.signIn = signIn;
        this.clock = clock;
        this.siteProblem = siteProblem;
        this.stream = stream;
        this.metrics = metrics;
        this.brokerUp = brokerUp;
        this.store = store;
        this.history = history;
    }

    /** The body of {@code GET /api/fleet}; a record, so "now" always comes first (Map.of's order varies per run). */
    record Fleet(long now, List<FleetEntry> seats) {
    }

    public void mount(Router router) {
        router.get("/api/floor").handler(this::floor);
        router.get("/api/seats/:seat").handler(this::seat);
        router.get("/api/seats/:seat/events").handler(this::events);
        router.get("/api/teams/:team").handler(this::team);
        router.get("/api/alerts").handler(this::alerts);
        router.get("/api/fleet").handler(ctx -> Json.respond(ctx, 200, new Fleet(clock.getAsLong(), floor.fleet())));
        router.get("/api/stream").handler(this::stream);
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(this::metrics);
        router.route("/api/*").handler(ctx -> Json.error(ctx, 404, "no such API: " + ctx.request().path()));
        StaticPages pages = new StaticPages();
        router.get("/*").handler(pages::serve);
    }

    /**
     * The whole floor: seats as they are now; teams with counts, KPIs, help queue and alerts as of the last
     * second's tick ({@code kpis.now}).
     */
    FloorSnapshot snapshot() {
        SiteConfig site = floor.site();
        RawJson kpis = liveJson();
        if (latestTeamsJson == null) {
            latestTeamsJson = RawJson.of(site.teams().stream()
                    .map(t -> FloorSnapshot.Team.of(t, latestCounts.teams().get(t.id()))).toList());
        }
        return new FloorSnapshot(site.site(), site.floor(), seatJson.all(floor.seats()), latestTeamsJson,
                site.thresholds(), kpis, siteProblem.get());
    }

    /**
     * What changes by itself as time passes: the stream's {@code kpis} event. The figures of the last
     * second's tick when there are any (at 10,000 seats computing them is most of a request's cost).
     */
    private FloorSnapshot.Live live() {
        long now = clock.getAsLong();
        FloorSnapshot.Live recent = latest;
        return recent != null && now - recent.now() < FRESH_MS ? recent : live(floor.kpis(now), floor.counts(), now);
    }

    /** The same, from KPIs and counts already computed for {@code now}; kept as the latest for {@link #live()}. */
    public FloorSnapshot.Live live(FloorKpis kpis, FloorCounts counts, long now) {
        latest = FloorSnapshot.Live.of(now, counts, kpis, floor.helpQueue(now), floor.helpTaken(),
                floor.alerts());
        latestCounts = counts;
        latestJson = null;
        latestTeamsJson = null;
        return latest;
    }

    /** {@link #live()} as JSON. */
    public RawJson liveJson() {
        FloorSnapshot.Live current = live(); // the latest, recomputed first if the tick's is too old
        if (latestJson == null) {
            latestJson = RawJson.of(current);
        }
        return latestJson;
    }

    /** After a site-config edit: the next request computes the figures for the new teams and seats. */
    public void siteChanged() {
        latest = null;
    }

    /**
     * One team for its leader's view: the team, its KPIs, seats, agents' time in state, help queue and alerts.
     * Per-agent figures: signed in, for the team's leader or a floor manager.
     */
    private void team(RoutingContext ctx) {
        SiteConfig site = floor.site();
        String id = ctx.pathParam("team");
        Optional<TeamSpec> team = site.team(id);
        if (team.isEmpty()) {
            Json.error(ctx, 404, "unknown team '" + Ids.printable(id) + "'");
            return;
        }
        Optional<String> user = signIn.require(ctx);
        if (user.isEmpty()) {
            return;
        }
        if (!Scope.teams(site, user.get()).contains(id)) {
            Json.error(ctx, 403, user.get() + " may not see team " + id + "'s figures");
            return;
        }
        // From the last tick's figures and this team's own seats: nothing here walks the whole floor.
        FloorSnapshot.Live live = live();
        long now = clock.getAsLong();
        Set<String> seats = site.seatsOf(id).stream().map(SeatSpec::seat).collect(Collectors.toSet());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", FloorSnapshot.Team.of(team.get(), latestCounts.teams().get(id)));
        body.put("now", now);
        body.put("shiftStart", live.shiftStart());
        body.put("kpis", live.groups().get("team").stream().filter(g -> g.key().equals(id)).findFirst().orElseThrow());
        body.put("seats", site.seatsOf(id).stream().map(spec -> floor.seat(spec.seat()).orElseThrow()).toList());
        body.put("agents", floor.agentTimes(now, seats).stream().map(a -> Map.of(
                "seat", a.seat(), "agent", a.agent(), "msInState", a.byStateName(), "contacts", a.contacts(),
                "averageHandleMs", a.averageHandleMs(), "averageWrapUpMs", a.averageWrapUpMs(),
                "helpRequests", a.helpRequests(), "helpWaitMs", a.helpWaitMs())).toList());
        body.put("helpQueue", live.helpQueue().stream()
                .filter(h -> h.team().equals(id) || h.routedTo().equals(id)).toList());
        body.put("alerts", floor.alerts().stream().filter(a -> id.equals(a.team())).toList());
        Json.respond(ctx, 200, body);
    }

    private void alerts(RoutingContext ctx) {
        Json.respond(ctx, 200, Map.of("active", floor.alerts(), "recent", floor.recentAlerts()));
    }

    private void floor(RoutingContext ctx) {
        Json.respond(ctx, 200, snapshot());
    }

    private void seat(RoutingContext ctx) {
        String seat = ctx.pathParam("seat");
        floor.seat(seat).ifPresentOrElse(view -> Json.respond(ctx, 200, view),
                () -> Json.error(ctx, 404, "unknown seat '" + Ids.printable(seat) + "'"));
    }

    /** A seat's event history: signed in, for the seat's team leader or a floor manager. */
    private void events(RoutingContext ctx) {
        String seat = ctx.pathParam("seat");
        SiteConfig site = floor.site();
        Optional<SeatSpec> spec = site.seat(seat);
        if (spec.isEmpty()) {
            Json.error(ctx, 404, "unknown seat '" + Ids.printable(seat) + "'");
            return;
        }
        Optional<String> user = signIn.require(ctx);
        if (user.isEmpty()) {
            return;
        }
        if (!Scope.seats(site, user.get()).test(spec.get())) {
            Json.error(ctx, 403, user.get() + " may not see seat " + seat + "'s history");
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
        stream.add(ctx.response(), ctx.request().remoteAddress().hostAddress(), "kpis", liveJson().text());
    }

    private void health(RoutingContext ctx) {
        boolean brokerLink = brokerUp.getAsBoolean();
        String storeProblem = store.problem();
        boolean up = brokerLink && storeProblem == null;
        FloorCounts counts = floor.counts();
        SiteConfig map = floor.site();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("broker", brokerLink ? "UP" : "DOWN");
        body.put("store", storeProblem == null ? "UP" : "DOWN: " + storeProblem + " (ingest paused)");
        body.put("site", map.site());
        body.put("floor", map.floor());
        body.put("seats", counts.seats());
        body.put("online", counts.online());
        body.put("siteConfig", siteProblem.get() == null ? "OK" : "edit refused, still running the previous one: "
                + siteProblem.get());
        Json.respond(ctx, up ? 200 : 503, body);
    }

    private void metrics(RoutingContext ctx) {
        FloorCounts counts = floor.counts();
        String text = PrometheusText.render(metrics, new PrometheusText.Gauges(counts.seats(), counts.online(),
                counts.states(), stream.size(), stream.behind(), stream.bytesWritten(), brokerUp.getAsBoolean(),
                new PrometheusText.StoreFigures(
                        store.storedCount(), store.firstTimeCount(), store.batchCount(), store.failureCount(), store.queued(),
                        store.problem() == null)));
        ctx.response().putHeader("Content-Type", PrometheusText.CONTENT_TYPE).end(text);
    }
}
