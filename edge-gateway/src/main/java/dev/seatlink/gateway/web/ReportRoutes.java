package dev.seatlink.gateway.web;

import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.audit.AuditLog;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.report.ReportRun;
import dev.seatlink.gateway.report.ReportYears;
import dev.seatlink.gateway.report.TimeInStateReport;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.store.EventStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.seatlink.gateway.roles.Grants;
import dev.seatlink.gateway.roles.Permission;
import dev.seatlink.gateway.roles.Reach;
import java.util.function.Predicate;
import org.tinylog.Logger;

/**
 * Reports for reviews and the audit log, read from the store on a worker thread. They need a signed-in
 * supervisor; a team leader sees their own teams' seats only.
 *
 * <ul>
 *   <li>{@code GET /api/reports/time-in-state?from=&to=&group=agent|team[&format=csv]}: {@code from} and
 *       {@code to} are dates (YYYY-MM-DD, midnight in the site's zone), instants (2026-11-22T06:00:00Z) or
 *       ms since epoch; at most {@value #MAX_DAYS} days.</li>
 *   <li>{@code GET /api/reports/daily?date=YYYY-MM-DD[&format=csv]}: per agent, that day.</li>
 *   <li>{@code GET /api/audit?from=&to=[&outcome=][&after=][&limit=]}: supervisor actions, oldest first, a
 *       page at a time: each line has an {@code id}; the next page starts {@code after} the last one's.</li>
 * </ul>
 */
public final class ReportRoutes {
    static final int MAX_DAYS = 400;
    static final int MAX_AUDIT_LINES = 1_000;
    static final int DEFAULT_AUDIT_LINES = 500;
    /** Reports read a worker's time and a cursor each: a few at once, the rest are asked to come back. */
    static final int MAX_RUNNING_REPORTS = 2;
    static final int RETRY_AFTER_S = 5;

    private final Vertx vertx;
    private final FloorModel floor;
    private final Access access;
    private final EventStore store;
    private final AuditLog audit;
    private final FloorClock clock;
    private int running; // on the floor's context only

    public ReportRoutes(Vertx vertx, FloorModel floor, Access access, EventStore store, AuditLog audit,
                        FloorClock clock) {
        this.vertx = vertx;
        this.floor = floor;
        this.access = access;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/reports/time-in-state").handler(this::timeInState);
        router.get("/api/reports/daily").handler(this::daily);
        router.get("/api/audit").handler(this::audit);
    }

    private record Period(long from, long to) {
    }

    private void timeInState(RoutingContext ctx) {
        String group = ctx.request().getParam("group", TimeInStateReport.BY_AGENT);
        if (!TimeInStateReport.GROUPS.contains(group)) {
            Json.error(ctx, 400, "group must be one of " + String.join(", ", TimeInStateReport.GROUPS));
            return;
        }
        period(ctx).ifPresent(period -> report(ctx, period, group, "time-in-state"));
    }

    private void daily(RoutingContext ctx) {
        SiteConfig site = floor.site();
        LocalDate day;
        try {
            day = LocalDate.parse(ctx.request().getParam("date", site.shifts().today(clock.millis()).toString()));
        } catch (DateTimeParseException e) {
            Json.error(ctx, 400, "date must be YYYY-MM-DD");
            return;
        }
        if (!ReportYears.holds(day.getYear())) {
            Json.error(ctx, 400, "date must be " + ReportYears.RANGE);
            return;
        }
        report(ctx, new Period(site.shifts().startOfDay(day), site.shifts().startOfDay(day.plusDays(1))),
                TimeInStateReport.BY_AGENT, "daily-" + day);
    }

    private void report(RoutingContext ctx, Period period, String group, String name) {
        Optional<Grants> grants = access.require(ctx, Permission.READ_REPORTS, "reports", "report " + name);
        if (grants.isEmpty()) {
            return;
        }
        if (running >= MAX_RUNNING_REPORTS) {
            ctx.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_S));
            Json.error(ctx, 503, MAX_RUNNING_REPORTS + " reports are being computed; try again in a few seconds");
            return;
        }
        SiteConfig site = floor.site();
        Predicate<SeatSpec> visible = seat -> grants.get().covers(Permission.READ_REPORTS, seat.team());
        List<String> seats = grants.get().seatIds(Permission.READ_REPORTS);
        long end = Math.max(Math.min(period.to(), clock.millis()), period.from());
        boolean csv = "csv".equals(ctx.request().getParam("format"));
        AgentDirectory agents = floor.agents();
        running++;
        vertx.executeBlocking(() -> ReportRun.rows(store, site, period.from(), end, seats, visible, group, agents),
                        false)
                .onComplete(done -> running--)
                .onSuccess(rows -> {
                    if (csv) {
                        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                                .putHeader("Content-Disposition", "attachment; filename=\"" + site.site() + "-"
                                        + site.floor() + "-" + name + "-by-" + group + ".csv\"")
                                .end(TimeInStateReport.csv(group, rows));
                    } else {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("from", period.from());
                        body.put("to", period.to());
                        body.put("group", group);
                        body.put("rows", rows);
                        Json.respond(ctx, 200, body);
                    }
                })
                .onFailure(e -> {
                    if (e instanceof TimeInStateReport.TooLarge) {
                        Json.error(ctx, 400, e.getMessage());
                    } else {
                        Logger.error(e, "report {} failed", name);
                        Json.error(ctx, 503, "the report could not be read from the store: " + e.getMessage());
                    }
                });
    }

    private void audit(RoutingContext ctx) {
        Optional<Grants> grants = access.require(ctx, Permission.READ_AUDIT, "audit", "read-audit");
        if (grants.isEmpty()) {
            return;
        }
        Optional<Period> period = period(ctx);
        if (period.isEmpty()) {
            return;
        }
        String outcome = ctx.request().getParam("outcome");
        if (outcome != null && !AuditEntry.OUTCOMES.contains(outcome)) {
            Json.error(ctx, 400, "outcome must be one of " + new java.util.TreeSet<>(AuditEntry.OUTCOMES));
            return;
        }
        long after;
        int limit;
        try {
            after = Long.parseLong(ctx.request().getParam("after", "0"));
            limit = Integer.parseInt(ctx.request().getParam("limit", String.valueOf(DEFAULT_AUDIT_LINES)));
        } catch (NumberFormatException e) {
            Json.error(ctx, 400, "after and limit must be whole numbers");
            return;
        }
        if (after < 0 || limit < 1 || limit > MAX_AUDIT_LINES) {
            Json.error(ctx, 400, "after must be >= 0 and limit 1-" + MAX_AUDIT_LINES);
            return;
        }
        SiteConfig site = floor.site();
        // A manager reads every line (denials, the directory's, seats since removed); a leader their teams' seats'.
        List<String> seats = grants.get().reach(Permission.READ_AUDIT) == Reach.FLOOR ? null
                : grants.get().seatIds(Permission.READ_AUDIT);
        AuditLog.Query query = new AuditLog.Query(period.get().from(), period.get().to(), after, outcome, seats, limit);
        vertx.executeBlocking(() -> audit.read(query), false)
                .onSuccess(lines -> Json.respond(ctx, 200, lines))
                .onFailure(e -> Json.error(ctx, 503, e.getMessage()));
    }

    /** from and to from the query, answering 400 itself when they are missing or wrong. */
    private Optional<Period> period(RoutingContext ctx) {
        SiteConfig site = floor.site();
        try {
            long now = clock.millis();
            long from = time(ctx.request().getParam("from"), site, site.shifts().startOfDay(site.shifts().today(now)));
            long to = time(ctx.request().getParam("to"), site, now);
            if (from >= to || to - from > MAX_DAYS * 86_400_000L) {
                Json.error(ctx, 400, "from must be before to, at most " + MAX_DAYS + " days apart");
                return Optional.empty();
            }
            return Optional.of(new Period(from, to));
        } catch (IllegalArgumentException e) {
            Json.error(ctx, 400, e.getMessage());
            return Optional.empty();
        }
    }

    private static long time(String text, SiteConfig site, long otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        long ms;
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                ms = Long.parseLong(text);
            } else if (text.length() == 10) {
                ms = site.shifts().startOfDay(LocalDate.parse(text));
            } else {
                ms = Instant.parse(text).toEpochMilli();
            }
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + dev.seatlink.protocol.Ids.printable(text)
                    + "' is not a date (2026-11-22), an instant (2026-11-22T06:00:00Z) or ms since epoch");
        }
        if (ms < ReportYears.EARLIEST_MS || ms >= ReportYears.END_MS) {
            throw new IllegalArgumentException("'" + dev.seatlink.protocol.Ids.printable(text)
                    + "' is outside the years " + ReportYears.FIRST + " to " + ReportYears.LAST);
        }
        return ms;
    }
}
