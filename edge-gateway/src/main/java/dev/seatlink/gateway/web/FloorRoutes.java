package dev.seatlink.gateway.web;

import dev.seatlink.gateway.calls.CallKpis;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.GroupKpis;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.TeamSpec;
import dev.seatlink.protocol.Ids;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.seatlink.gateway.roles.Grants;
import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.roster.StaffingIntervals;
import dev.seatlink.gateway.roster.StaffingSamples;
import dev.seatlink.gateway.roles.Permission;

/**
 * The floor as HTTP reads it, as protocol v1 lists it: the whole floor, a seat and its history, a team,
 * alerts and the live stream. Handlers run on the context that owns the {@link FloorModel}:
 * they read it and the tick's {@link LiveFigures} directly and never compute KPIs; a seat's history is
 * read on a worker.
 */
public final class FloorRoutes {
    private final FloorModel floor;
    private final LiveFigures figures;
    private final SeatJson seatJson = new SeatJson();
    private final SseStream stream;
    private final EventHistory history;
    private final FloorClock clock;
    private final SiteProblem siteProblem;
    private final Access access;

    public FloorRoutes(FloorModel floor, LiveFigures figures, SseStream stream, EventHistory history, FloorClock clock,
                       SiteProblem siteProblem, Access access) {
        this.floor = floor;
        this.figures = figures;
        this.stream = stream;
        this.history = history;
        this.clock = clock;
        this.siteProblem = siteProblem;
        this.access = access;
    }

    public void mount(Router router) {
        router.get("/api/floor").handler(this::floor);
        router.get("/api/seats/:seat").handler(this::seat);
        router.get("/api/seats/:seat/events").handler(this::events);
        router.get("/api/teams/:team").handler(this::team);
        router.get("/api/alerts").handler(this::alerts);
        router.get("/api/stream").handler(this::stream);
    }

    /**
     * The whole floor: seats as they are now; teams with counts, KPIs, help queue and alerts as of the last
     * second's tick ({@code kpis.now}).
     */
    FloorSnapshot snapshot() {
        SiteConfig site = floor.site();
        return new FloorSnapshot(site.site(), site.floor(), seatJson.all(floor.seats()), figures.teamsJson(site),
                site.thresholds(), figures.json(), siteProblem.problem());
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
        Optional<Grants> grants = access.signedIn(ctx);
        if (grants.isEmpty() || !access.allowTeam(ctx, grants.get(), Permission.VIEW_TEAMS, id, "view-team")) {
            return;
        }
        // From the last tick's figures and this team's own seats: nothing here walks the whole floor.
        FloorSnapshot.Live live = figures.latest();
        Optional<GroupKpis> kpis = figures.teamKpis(id);
        if (kpis.isEmpty()) {
            ctx.response().putHeader("Retry-After", "1");
            Json.error(ctx, 503, "team " + id + " was just added; its figures follow with the next tick");
            return;
        }
        long now = clock.millis();
        List<SeatSpec> seats = site.seatsOf(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", figures.team(team.get()));
        body.put("now", now);
        body.put("shiftStart", live.shiftStart());
        body.put("kpis", kpis.get());
        body.put("seats", seats.stream().map(spec -> floor.seat(spec.seat()).orElseThrow()).toList());
        body.put("agents", floor.agentTimes(now, seats.stream().map(SeatSpec::seat).toList()).stream().map(a -> Map.of(
                "seat", a.seat(), "agent", a.agent(), "msInState", a.byStateName(), "contacts", a.contacts(),
                "averageHandleMs", a.averageHandleMs(), "averageWrapUpMs", a.averageWrapUpMs(),
                "helpRequests", a.helpRequests(), "helpWaitMs", a.helpWaitMs(),
                "calls", CallKpis.Figures.of(floor.calls().of(a.agent() != null ? a.agent() : a.seat())))).toList());
        body.put("calls", CallKpis.Figures.of(floor.calls().ofTeam(id)));
        body.put("helpQueue", live.helpQueue().stream()
                .filter(h -> h.team().equals(id) || h.routedTo().equals(id)).toList());
        body.put("alerts", floor.alerts().stream().filter(a -> id.equals(a.team())).toList());
        body.put("staffing", staffing(id, live.shiftStart(), now));
        Json.respond(ctx, 200, body);
    }

    /** One 15-minute interval of a team's shift: the roster's scheduled (null without one), staffed and ready. */
    record Interval(long start, Integer scheduled, Integer staffed, Integer ready) {
    }

    /**
     * The running shift's intervals up to now: scheduled by the roster (agents whose home team it is), staffed and
     * ready as the tick saw them at each interval's end (the running one: now).
     */
    private List<Interval> staffing(String team, long shiftStart, long now) {
        List<String> agents = floor.agents().all().stream().filter(a -> team.equals(a.team())).map(a -> a.id())
                .toList();
        Roster roster = floor.roster();
        List<Integer> scheduled = StaffingIntervals.scheduled(roster, agents, shiftStart, now);
        Map<Long, StaffingSamples.Sample> seen = new java.util.HashMap<>();
        figures.staffing(team, shiftStart, now + 1).forEach(sample -> seen.put(sample.start(), sample));
        List<Interval> intervals = new java.util.ArrayList<>();
        long start = StaffingIntervals.intervalOf(shiftStart);
        for (Integer count : scheduled) {
            StaffingSamples.Sample sample = seen.get(start);
            intervals.add(new Interval(start, roster.isEmpty() ? null : count,
                    sample == null ? null : sample.staffed(), sample == null ? null : sample.ready()));
            start += StaffingIntervals.INTERVAL_MS;
        }
        return intervals;
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
        SiteConfig site = floor.site();
        Optional<SeatSpec> spec = PathSeat.of(ctx, site);
        if (spec.isEmpty()) {
            return;
        }
        String seat = spec.get().seat();
        Optional<Grants> grants = access.signedIn(ctx);
        if (grants.isEmpty()
                || !access.allowSeat(ctx, grants.get(), Permission.VIEW_TEAMS, spec.get(), "seat-history", null)) {
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
        stream.add(ctx.response(), ctx.request().remoteAddress().hostAddress(), "kpis", figures.json().text());
    }
}
