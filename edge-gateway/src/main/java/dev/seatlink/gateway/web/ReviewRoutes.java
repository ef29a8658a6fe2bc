package dev.seatlink.gateway.web;

import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.report.AdherenceReport;
import dev.seatlink.gateway.report.MonthlyReview;
import dev.seatlink.gateway.report.ReportRow;
import dev.seatlink.gateway.report.ReportRun;
import dev.seatlink.gateway.report.ReportYears;
import dev.seatlink.gateway.report.ReviewPage;
import dev.seatlink.gateway.report.TimeInStateReport;
import dev.seatlink.gateway.roles.Grants;
import dev.seatlink.gateway.roles.Permission;
import dev.seatlink.gateway.roster.Adherence;
import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.TeamSpec;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.protocol.Ids;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tinylog.Logger;

/**
 * {@code GET /api/reports/monthly-review?month=YYYY-MM&team=ID[&format=csv|html]} ({@code read-reports} for the
 * team): each agent of the team's seats over the month — time in each state, contacts, handle time, help requests
 * and waits, adherence to the roster — beside the team's figures, as JSON, CSV or a printable page. The running
 * month runs to now. At most {@value #MAX_RUNNING} are made at once (503 with Retry-After beyond).
 */
public final class ReviewRoutes {
    static final int MAX_RUNNING = 2;

    private final Vertx vertx;
    private final FloorModel floor;
    private final EventStore store;
    private final Access access;
    private final FloorClock clock;
    private int running;

    public ReviewRoutes(Vertx vertx, FloorModel floor, EventStore store, Access access, FloorClock clock) {
        this.vertx = vertx;
        this.floor = floor;
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/reports/monthly-review").handler(this::review);
    }

    private void review(RoutingContext ctx) {
        SiteConfig site = floor.site();
        String teamId = ctx.request().getParam("team", "");
        Optional<TeamSpec> team = site.team(teamId);
        YearMonth month = MonthlyReview.month(ctx.request().getParam("month", ""));
        Optional<Grants> grants = access.require(ctx, Permission.READ_REPORTS, "reports", "monthly-review");
        if (grants.isEmpty()) {
            return;
        }
        if (team.isEmpty()) {
            Json.error(ctx, 400, "team: '" + Ids.printable(teamId) + "' is not one of the floor's teams");
            return;
        }
        if (month == null) {
            Json.error(ctx, 400, "month: YYYY-MM " + ReportYears.RANGE);
            return;
        }
        if (!access.allowTeam(ctx, grants.get(), Permission.READ_REPORTS, teamId, "monthly-review")) {
            return;
        }
        if (running >= MAX_RUNNING) {
            ctx.response().putHeader("Retry-After", "5");
            Json.error(ctx, 503, MAX_RUNNING + " monthly reviews are being made; try again in a few seconds");
            return;
        }
        long from = site.shifts().startOfDay(month.atDay(1));
        long to = Math.max(from, Math.min(site.shifts().startOfDay(month.plusMonths(1).atDay(1)), clock.millis()));
        List<String> seats = site.seatsOf(teamId).stream().map(SeatSpec::seat).toList();
        Set<String> teamSeats = Set.copyOf(seats);
        AgentDirectory agents = floor.agents();
        Roster roster = floor.roster();
        String format = ctx.request().getParam("format", "json");
        running++;
        vertx.executeBlocking(() -> {
            List<ReportRow> byAgent = ReportRun.rows(store, site, from, to, seats,
                    seat -> teamSeats.contains(seat.seat()), TimeInStateReport.BY_AGENT, agents);
            ReportRow teamRow = ReportRun.rows(store, site, from, to, seats, seat -> teamSeats.contains(seat.seat()),
                    TimeInStateReport.BY_TEAM, agents).stream().filter(r -> r.key().equals(teamId)).findFirst()
                    .orElse(null);
            Map<String, Adherence.Figures> adherence = AdherenceReport.of(store, roster, from, to, seats,
                    byAgent.stream().map(ReportRow::key).collect(Collectors.toSet()));
            return new MonthlyReview(teamId, team.get().name(), month.toString(), from, to, teamRow, byAgent.stream()
                    .map(row -> MonthlyReview.Agent.of(row, adherence.getOrDefault(row.key(),
                            Adherence.Figures.NONE))).toList());
        }, false).onComplete(done -> running--).onSuccess(review -> {
            String name = site.site() + "-" + site.floor() + "-review-" + teamId + "-" + month;
            switch (format) {
                case "csv" -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                        .putHeader("Cache-Control", "no-store").end(review.csv());
                case "html" -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Cache-Control", "no-store")
                        .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                        .end(ReviewPage.of(review));
                default -> Json.respond(ctx, 200, review);
            }
        }).onFailure(e -> {
            Logger.error(e, "monthly review of {} {} failed", teamId, month);
            Json.error(ctx, 503, "the review could not be read from the store: " + e.getMessage());
        });
    }
}
