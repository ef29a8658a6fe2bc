package dev.seatlink.centre.web;

import dev.seatlink.centre.report.CentreReports;
import dev.seatlink.centre.report.StateTime;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Reports across floors from the centre-wide store: {@code /api/reports/time-in-state?from=MS&to=MS} (at most
 * {@value #MAX_DAYS} days) and {@code /api/reports/daily?date=YYYY-MM-DD} (in the centre's time zone). The
 * query runs on a worker; a dead database is a 503 saying so. At most {@value #MAX_RUNNING} run at once, as on a
 * floor's gateway: beyond, a 503 with Retry-After, so that a page reloaded in a loop (or a hostile client) neither
 * queues queries without end nor loads the centre-wide store that every gateway copies into.
 */
public final class ReportRoutes {
    static final int MAX_DAYS = 31;
    static final int MAX_RUNNING = 2;
    static final int RETRY_AFTER_S = 5;
    private static final long DAY_MS = 86_400_000L;
    /** Reports cover 1970 to 9999: beyond, a period's bounds would overflow milliseconds or mean nothing. */
    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 9999;
    private static final long END_MS = LocalDate.of(LAST_YEAR + 1, 1, 1).toEpochDay() * DAY_MS;

    private final Vertx vertx;
    private final CentreReports reports;
    private final ZoneId zone;
    private final CentreRoutes.CentreClock clock;
    /** Reports being computed; read and changed on the event loop only. */
    private int running;

    /** @param reports null when no centre store is given: the routes then say so */
    public ReportRoutes(Vertx vertx, CentreReports reports, ZoneId zone, CentreRoutes.CentreClock clock) {
        this.vertx = vertx;
        this.reports = reports;
        this.zone = zone;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/reports/time-in-state").handler(this::timeInState);
        router.get("/api/reports/daily").handler(this::daily);
    }

    private void timeInState(RoutingContext ctx) {
        long from;
        long to;
        try {
            from = Long.parseLong(ctx.queryParams().get("from"));
            to = Long.parseLong(ctx.queryParams().get("to"));
        } catch (NumberFormatException e) {
            JsonReply.error(ctx, 400, "from and to are needed, in milliseconds since the epoch");
            return;
        }
        if (from < 0 || to > END_MS) {
            JsonReply.error(ctx, 400, "from and to must be between " + FIRST_YEAR + " and " + LAST_YEAR);
            return;
        }
        if (from >= to || to - from > MAX_DAYS * DAY_MS) {
            JsonReply.error(ctx, 400, "from must be before to, at most " + MAX_DAYS + " days apart");
            return;
        }
        run(ctx, from, to, Map.of());
    }

    private void daily(RoutingContext ctx) {
        LocalDate date;
        try {
            date = LocalDate.parse(String.valueOf(ctx.queryParams().get("date")));
        } catch (DateTimeException e) {
            JsonReply.error(ctx, 400, "date must be YYYY-MM-DD");
            return;
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            JsonReply.error(ctx, 400, "date must be between " + FIRST_YEAR + " and " + LAST_YEAR);
            return;
        }
        long from = date.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        run(ctx, from, to, Map.of("date", date.toString(), "zone", zone.getId()));
    }

    private void run(RoutingContext ctx, long from, long to, Map<String, Object> about) {
        if (reports == null) {
            JsonReply.error(ctx, 404, "this centre view has no centre store (start it with --central-store)");
            return;
        }
        if (running >= MAX_RUNNING) {
            ctx.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_S));
            JsonReply.error(ctx, 503, MAX_RUNNING + " reports are being computed; try again in a few seconds");
            return;
        }
        long now = clock.millis();
        running++;
        vertx.executeBlocking(() -> reports.timeInState(from, to, now), false).onComplete(result -> {
            running--;
            if (result.failed()) {
                Logger.warn("centre store report failed: {}", result.cause().getMessage());
                JsonReply.error(ctx, 503, "the centre store cannot be read now: " + result.cause().getMessage());
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>(about);
            body.put("from", from);
            body.put("to", to);
            body.put("floors", byFloor(result.result()));
            body.put("truncated", result.result().size() >= CentreReports.MAX_ROWS);
            JsonReply.send(ctx, 200, body);
        });
    }

    /** {@code site/floor → {state → {ms, entries}}}, floors and states in order. */
    private static Map<String, Map<String, Map<String, Long>>> byFloor(List<StateTime> rows) {
        Map<String, Map<String, Map<String, Long>>> floors = new LinkedHashMap<>();
        for (StateTime row : rows) {
            floors.computeIfAbsent(row.site() + "/" + row.floor(), k -> new LinkedHashMap<>())
                    .put(row.state(), Map.of("ms", row.ms(), "entries", row.entries()));
        }
        return floors;
    }
}
