package dev.seatlink.gateway.web;

import dev.seatlink.gateway.metrics.Metrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * Mounted first: times what each request's handlers do on the event loop before they return (a handler
 * that hands work to a worker returns at once), by the route that answered, for
 * {@code seatlink_http_loop_seconds}. The routes are the gateway's own, so the label stays bounded.
 */
public final class LoopTimer implements Handler<RoutingContext> {
    private final Metrics metrics;

    public LoopTimer(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        ctx.next();
        Route answered = ctx.currentRoute();
        String route = answered == null || answered.getPath() == null ? "other" : answered.getPath();
        metrics.routeOnLoop(route, (System.nanoTime() - started) / 1_000);
    }
}
