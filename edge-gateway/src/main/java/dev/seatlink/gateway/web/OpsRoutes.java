package dev.seatlink.gateway.web;

import dev.seatlink.gateway.acd.AcdLink;
import dev.seatlink.gateway.brokerlink.LinkHealth;
import dev.seatlink.gateway.central.CentralStatus;
import dev.seatlink.gateway.floor.FloorCounts;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.jetstream.ClusterFigures;
import dev.seatlink.gateway.jetstream.ClusterView;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.metrics.PrometheusText;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.store.StoreWriter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** For operations: {@code /health} (200 UP, or 503 naming what is down) and {@code /metrics} (Prometheus text). */
public final class OpsRoutes {
    private final FloorModel floor;
    private final LinkHealth broker;
    private final StoreWriter store;
    private final SseStream stream;
    private final Metrics metrics;
    private final SiteProblem siteProblem;
    private final GatewayRole role;
    private final CentralStatus central;
    private final ClusterView cluster;
    private final AcdLink acd;

    public OpsRoutes(FloorModel floor, LinkHealth broker, StoreWriter store, SseStream stream, Metrics metrics,
                     SiteProblem siteProblem, GatewayRole role, CentralStatus central, ClusterView cluster, AcdLink acd) {
        this.acd = acd;
        this.role = role;
        this.cluster = cluster;
        this.central = central;
        this.floor = floor;
        this.broker = broker;
        this.store = store;
        this.stream = stream;
        this.metrics = metrics;
        this.siteProblem = siteProblem;
    }

    public void mount(Router router) {
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(this::metrics);
    }

    private void health(RoutingContext ctx) {
        boolean brokerLink = broker.isConnected();
        String storeProblem = store.problem();
        boolean up = brokerLink && storeProblem == null;
        FloorCounts counts = floor.counts();
        SiteConfig map = floor.site();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("broker", brokerLink ? "UP" : "DOWN");
        body.put("brokerNode", broker.broker());
        body.put("subscriptions", broker.isSubscribed() ? "GRANTED" : "WAITING");
        body.put("store", storeProblem == null ? "UP" : "DOWN: " + storeProblem + " (ingest paused)");
        body.put("site", map.site());
        body.put("floor", map.floor());
        body.put("seats", counts.seats());
        body.put("online", counts.online());
        body.put("siteConfig", siteProblem.problem() == null ? "OK" : "edit refused, still running the previous one: "
                + siteProblem.problem());
        body.put("gateway", RoleJson.of(role)); // a standby is healthy: it ingests and serves, the primary acts
        if (central.enabled()) { // optional and behind an outbox: its being down loses nothing, so it is not DOWN
            body.put("centralStore", central.problem() == null ? "UP" : "WAITING: " + central.problem());
            body.put("centralBacklog", central.backlog());
        }
        if (acd.status() != null) { // the seats work from their buttons without it: shown, not DOWN overall
            body.put("acd", acd.status());
        }
        ClusterFigures figures = cluster.figures();
        if (figures.known()) { // read for figures, not health: the broker link above says whether this floor works
            long answering = figures.nodes().stream().filter(n -> n.problem() == null).count();
            body.put("natsMonitor", answering + " of " + figures.nodes().size() + " nodes answer");
        }
        Json.respond(ctx, up ? 200 : 503, body);
    }

    private void metrics(RoutingContext ctx) {
        FloorCounts counts = floor.counts();
        String text = PrometheusText.render(metrics, new PrometheusText.Gauges(counts.seats(), counts.online(),
                counts.states(), stream.size(), stream.behind(), stream.bytesWritten(), broker.isConnected(),
                broker.isSubscribed(),
                new PrometheusText.StoreFigures(
                        store.storedCount(), store.firstTimeCount(), store.batchCount(), store.failureCount(), store.queued(),
                        store.problem() == null),
                new PrometheusText.CentralFigures(central.enabled(), central.problem() == null, central.copied(),
                        central.backlog()), cluster.figures()));
        ctx.response().putHeader("Content-Type", PrometheusText.CONTENT_TYPE).end(text);
    }
}
