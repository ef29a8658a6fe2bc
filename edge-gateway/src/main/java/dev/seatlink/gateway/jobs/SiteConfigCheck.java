package dev.seatlink.gateway.jobs;

import dev.seatlink.gateway.brokerlink.SeatConfigPublisher;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteWatcher;
import dev.seatlink.gateway.web.LiveUpdates;
import dev.seatlink.gateway.web.SiteProblem;
import io.vertx.core.Vertx;
import org.tinylog.Logger;

/**
 * Every two seconds, on a worker: has the site config file changed? An edit that loads is applied to the
 * floor, its seat configs republished, the figures recomputed and the wallboards told to reload; a broken
 * one (or one that changes site or floor) is refused, logged and shown, and the running config stays.
 */
public final class SiteConfigCheck implements PeriodicJob, SiteProblem {
    private final Vertx vertx;
    private final SiteWatcher watcher;
    private final FloorModel floor;
    private final SeatConfigPublisher configs;
    private final FloorTick tick;
    private final LiveUpdates live;
    private String problem;

    public SiteConfigCheck(Vertx vertx, SiteWatcher watcher, FloorModel floor, SeatConfigPublisher configs,
                           FloorTick tick, LiveUpdates live) {
        this.vertx = vertx;
        this.watcher = watcher;
        this.floor = floor;
        this.configs = configs;
        this.tick = tick;
        this.live = live;
    }

    @Override
    public long periodMs() {
        return 2_000;
    }

    @Override
    public void run() {
        vertx.executeBlocking(watcher::check).onSuccess(edit -> edit.ifPresent(e -> apply(e.site(), e.problem())));
    }

    private void apply(SiteConfig next, String refused) {
        SiteConfig running = floor.site();
        String why = refused;
        if (next != null && (!next.site().equals(running.site()) || !next.floor().equals(running.floor()))) {
            why = "site and floor cannot change while the gateway runs (restart it for " + next.site() + "/"
                    + next.floor() + ")";
        }
        if (why != null) {
            problem = why;
            Logger.error("site config edit refused, still running the previous one: {}", why);
            return;
        }
        problem = null;
        floor.reconfigure(next);
        configs.publishAll();
        tick.runNow().onComplete(done -> live.siteChanged());
        Logger.info("site config edited: {} teams, {} seats applied; seat configs republished", next.teams().size(),
                next.seats().size());
    }

    @Override
    public String problem() {
        return problem;
    }
}
