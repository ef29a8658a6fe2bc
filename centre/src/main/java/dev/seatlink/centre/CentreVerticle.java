package dev.seatlink.centre;

import dev.seatlink.centre.config.CentrePlan;
import dev.seatlink.centre.feed.CentreLink;
import dev.seatlink.centre.feed.FloorFeed;
import dev.seatlink.centre.model.CentreModel;
import dev.seatlink.centre.web.CentreRoutes;
import dev.seatlink.centre.web.ReportRoutes;
import dev.seatlink.link.RejectLog;
import dev.seatlink.protocol.FloorSummary;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.SeatEvent;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * The centre view's composition root: the model, then the page that reads it, then (once HTTP listens) the
 * broker link that feeds it. Everything runs on this verticle's event loop, so the model is never locked.
 */
final class CentreVerticle extends VerticleBase implements FloorFeed {
    private final CentreSettings settings;
    private final CentrePlan plan;
    private final CentreRoutes.CentreClock clock = System::currentTimeMillis;
    private CentreModel model;
    private CentreRoutes routes;
    private CentreLink link;
    private HttpServer server;

    CentreVerticle(CentreSettings settings, CentrePlan plan) {
        this.settings = settings;
        this.plan = plan;
    }

    @Override
    public Future<?> start() {
        model = new CentreModel(plan);
        routes = new CentreRoutes(model, clock);
        Router router = Router.router(vertx);
        routes.mount(router);
        new ReportRoutes(vertx, settings.reports(), settings.zone(), clock).mount(router);
        routes.schedule(vertx);
        link = new CentreLink(vertx, settings.brokers(), plan, settings.login(), new RejectLog(clock::millis));
        server = vertx.createHttpServer(new HttpServerOptions().setHost(settings.httpHost()).setPort(settings.httpPort())
                .setIdleTimeout(60));
        return server.requestHandler(router).listen().onSuccess(listening -> link.start(this));
    }

    int httpPort() {
        return server.actualPort();
    }

    @Override
    public void summary(String site, String floor, FloorSummary summary) {
        model.summary(site, floor, summary, clock.millis());
    }

    @Override
    public void lease(String site, String floor, GatewayStatus status) {
        model.lease(site, floor, status, clock.millis());
    }

    @Override
    public void seatEvent(String site, String floor, SeatEvent event) {
        model.seatEvent(site, floor, event, clock.millis());
    }

    @Override
    public void link(boolean up) {
        model.link(up);
    }

    @Override
    public void refused() {
        model.refused();
    }

    @Override
    public Future<?> stop() {
        routes.close();
        link.close();
        return server.close();
    }
}
