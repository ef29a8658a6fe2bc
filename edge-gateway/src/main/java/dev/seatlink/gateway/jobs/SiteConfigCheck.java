package dev.seatlink.gateway.jobs;

import dev.seatlink.gateway.moves.FloorLayout;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteWatcher;
import dev.seatlink.gateway.web.SiteProblem;
import io.vertx.core.Vertx;
import org.tinylog.Logger;

/**
 * Every two seconds, on a worker: has the site config file changed? An edit that loads is applied to the
 * floor with the moves in force over it ({@link FloorLayout}, whose {@link Relayout} republishes the seat
 * configs, recomputes the figures and tells the wallboards to reload); a broken
 * one (or one that changes site or floor) is refused, logged and shown, and the running config stays.
 */
public final class SiteConfigCheck implements PeriodicJob, SiteProblem {
    private final Vertx vertx;
    private final SiteWatcher watcher;
    private final FloorLayout layout;
    private String problem;

    public SiteConfigCheck(Vertx vertx, SiteWatcher watcher, FloorLayout layout) {
        this.vertx = vertx;
        this.watcher = watcher;
        this.layout = layout;
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
        SiteConfig running = layout.file();
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
        layout.fileEdited(next); // with the moves in force laid over it, seat configs republished
        Logger.info("site config edited: {} teams, {} seats applied; seat configs republished", next.teams().size(),
                next.seats().size());
    }

    @Override
    public String problem() {
        return problem;
    }
}
