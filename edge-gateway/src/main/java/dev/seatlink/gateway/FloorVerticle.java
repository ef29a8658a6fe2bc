package dev.seatlink.gateway;

import dev.seatlink.gateway.access.PasswordFile;
import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.audit.AuditLog;
import dev.seatlink.gateway.floor.AlertChange;
import dev.seatlink.gateway.floor.FloorCounts;
import dev.seatlink.gateway.floor.FloorKpis;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.GroupKpis;
import dev.seatlink.gateway.floor.KpiInputs;
import dev.seatlink.gateway.ingest.FloorUpdater;
import dev.seatlink.gateway.ingest.Ingest;
import dev.seatlink.gateway.ingest.IngestSettings;
import dev.seatlink.gateway.ingest.RejectLog;
import dev.seatlink.gateway.ingest.SeatOutbox;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteWatcher;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.gateway.store.StoreWriter;
import dev.seatlink.gateway.store.StoredEvent;
import dev.seatlink.gateway.web.ApiRoutes;
import dev.seatlink.gateway.web.CommandRoutes;
import dev.seatlink.gateway.web.EventHistory;
import dev.seatlink.gateway.web.LiveUpdates;
import dev.seatlink.gateway.web.ReportRoutes;
import dev.seatlink.gateway.web.SameOrigin;
import dev.seatlink.gateway.web.SignIn;
import dev.seatlink.gateway.web.SseStream;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.FloorSummary;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * Owns the floor: the {@link FloorModel}, the broker link feeding it and the HTTP server reading
 * it. Everything that touches the model runs on this verticle's context, so nothing is locked;
 * MQTT messages arrive on Paho's thread and are handed over with {@code runOnContext}.
 */
final class FloorVerticle extends VerticleBase {
    static final long HEARTBEAT_MS = 15_000;
    static final long TICK_MS = 1_000;
    static final long REORDER_TICK_MS = 250;
    /** How often held-back seat updates are checked (they wait at most 250 ms + this). */
    static final long FLUSH_HELD_MS = 50;
    static final long SITE_CHECK_MS = 2_000;
    static final long RETENTION_EVERY_MS = 6 * 60 * 60_000L;
    static final int SEND_BUFFER_BYTES = 64 * 1024;
    /** Longer than the stream's heartbeat ({@link #HEARTBEAT_MS}), so a wallboard that reads is never idle. */
    static final int IDLE_TIMEOUT_S = 60;

    /** What the gateway found on disk at start. */
    record Restored(Map<String, StoredEvent> lastStored, List<SeatEvent> shiftSoFar) {
    }

    private final GatewayConfig config;
    private final SiteConfig initialSite;
    private final SiteWatcher watcher;
    private final String brokerUrl;
    private final EventStore store;
    private final AuditLog auditLog;
    private final Restored restored;
    private final PasswordFile supervisors;
    private final LongSupplier clock = System::currentTimeMillis;
    private final Metrics metrics = new Metrics();
    private final SseStream stream = new SseStream(clock, (ms, task) -> vertx.setTimer(ms, id -> task.run()));
    private StoreWriter writer;
    private Ingest ingest;
    private HttpServer server;
    private FloorSummary lastSummary;
    private volatile String siteProblem;

    FloorVerticle(GatewayConfig config, SiteConfig site, SiteWatcher watcher, String brokerUrl, EventStore store,
                  AuditLog auditLog, Restored restored, PasswordFile supervisors) {
        this.config = config;
        this.initialSite = site;
        this.watcher = watcher;
        this.brokerUrl = brokerUrl;
        this.store = store;
        this.auditLog = auditLog;
        this.restored = restored;
        this.supervisors = supervisors;
    }

    @Override
    public Future<?> start() {
        FloorModel floor = new FloorModel(initialSite, clock.getAsLong());
        restored.lastStored().values().forEach(stored -> floor.restore(stored.event()));
        floor.replayShift(restored.shiftSoFar());
        RejectLog rejectLog = new RejectLog(clock);
        writer = new StoreWriter(store);
        String site = initialSite.site();
        String floorId = initialSite.floor();
        IngestSettings settings = new IngestSettings(brokerUrl, site + "." + floorId + ".gateway",
                site + "-" + floorId + "-gateway", config.username(),
                config.password() == null ? null : config.password().toCharArray(), config.tlsCaFile());
        SignIn signIn = new SignIn(supervisors, clock);
        ApiRoutes routes = new ApiRoutes(floor, stream, metrics, () -> ingest.isConnected(), writer,
                new EventHistory(vertx, store), clock, () -> siteProblem, signIn);
        LiveUpdates live = new LiveUpdates(stream, clock);
        BiConsumer<String, Command> sendCommand = (seat, command) ->
                ingest.publish(Topic.seat(site, floorId, seat, Topic.Kind.CMD), command, false);
        CommandRoutes commands = new CommandRoutes(floor, signIn, sendCommand, () -> ingest.isConnected(), clock,
                this::audit);
        SeatOutbox outbox = new SeatOutbox() {
            @Override
            public void command(String seat, Command command) {
                sendCommand.accept(seat, command);
            }

            @Override
            public void config(String seat) {
                ingest.publishSeatConfig(seat);
            }
        };
        FloorUpdater updater = new FloorUpdater(floor, metrics, rejectLog, live::seat, outbox,
                commands::answered, clock, config.reorderTimeoutMs());
        restored.lastStored().values().forEach(stored -> updater.restore(stored.event()));
        ingest = new Ingest(settings, floor::site, updater, new Codec(), metrics, rejectLog,
                (message, rx) -> context.runOnContext(v -> updater.apply(message, rx)), writer, clock);

        Router router = Router.router(vertx);
        SameOrigin.guard(router);
        commands.mount(router);
        new ReportRoutes(vertx, floor, signIn, store, auditLog, clock).mount(router);
        routes.mount(router);
        vertx.setPeriodic(HEARTBEAT_MS, id -> stream.heartbeat());
        vertx.setPeriodic(TICK_MS, id -> everySecond(floor, updater, commands, routes, live));
        vertx.setPeriodic(REORDER_TICK_MS, id -> updater.tick());
        vertx.setPeriodic(FLUSH_HELD_MS, id -> live.flushHeld());
        vertx.setPeriodic(RETENTION_EVERY_MS, id -> applyRetention());
        if (watcher != null) {
            vertx.setPeriodic(SITE_CHECK_MS, id -> checkSiteConfig(floor, routes, live));
        }
        HttpServerOptions options = new HttpServerOptions().setHost(config.httpHost()).setPort(config.httpPort())
                // a client that stops reading fills 64 KB, not megabytes of kernel memory, and is set aside
                .setSendBufferSize(SEND_BUFFER_BYTES)
                // a request left half-sent, or a connection left open and silent, is closed
                .setIdleTimeout(IDLE_TIMEOUT_S);
        if (config.https() != null) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(config.https().cert().toString()).setKeyPath(config.https().key().toString()));
        }
        server = vertx.createHttpServer(options);
        return server.requestHandler(router).listen().onSuccess(s -> ingest.start());
    }

    /**
     * The KPIs (computed on a worker from what the floor hands over: at 10,000 seats they held the event
     * loop for tens of milliseconds), then alerts, command timeouts, the stream's live figures and the
     * retained summary (only when it changed).
     */
    private void everySecond(FloorModel floor, FloorUpdater updater, CommandRoutes commands, ApiRoutes routes,
                             LiveUpdates live) {
        long started = System.nanoTime();
        long now = clock.getAsLong();
        KpiInputs inputs = floor.kpiInputs(now);
        long heldNanos = System.nanoTime() - started;
        vertx.executeBlocking(inputs::compute, false)
                .onSuccess(kpis -> afterKpis(floor, updater, commands, routes, live, kpis, now, heldNanos))
                .onFailure(e -> Logger.error(e, "floor KPIs could not be computed"));
    }

    private void afterKpis(FloorModel floor, FloorUpdater updater, CommandRoutes commands, ApiRoutes routes,
                           LiveUpdates live, FloorKpis kpis, long now, long heldNanos) {
        long started = System.nanoTime();
        for (AlertChange change : floor.updateAlerts(kpis, updater.gapsOpen(), now)) {
            live.alert(change);
            Logger.info("alert {}: {}", change.change(), change.alert().text());
        }
        commands.expire(now);
        FloorCounts counts = floor.counts();
        routes.live(kpis, counts, now);
        if (stream.size() > 0) {
            live.kpis(routes.liveJson());
        }
        publishSummary(counts, kpis, floor.alerts().size(), now);
        metrics.tick((heldNanos + System.nanoTime() - started) / 1_000);
    }

    private void publishSummary(FloorCounts counts, FloorKpis kpis, int alerts, long now) {
        Map<String, Integer> teamOccupancy = new LinkedHashMap<>();
        for (GroupKpis team : kpis.groups().get("team")) {
            if (team.occupancy() != null) {
                teamOccupancy.put(team.key(), percent(team.occupancy()));
            }
        }
        FloorSummary summary = new FloorSummary(now, counts.seats(), counts.online(), counts.help(), counts.states(),
                counts.teams(), kpis.floor().occupancy() == null ? null : percent(kpis.floor().occupancy()),
                teamOccupancy, alerts);
        if (lastSummary != null && summary.at(lastSummary.ts()).equals(lastSummary)) {
            return;
        }
        lastSummary = summary;
        ingest.publish(Topic.floor(initialSite.site(), initialSite.floor(), Topic.Kind.SUMMARY), summary, true);
    }

    private static int percent(double fraction) {
        return (int) Math.round(fraction * 100);
    }

    /** Applies an edited site config; a broken one is refused and the running one stays. */
    private void checkSiteConfig(FloorModel floor, ApiRoutes routes, LiveUpdates live) {
        vertx.executeBlocking(watcher::check).onSuccess(edit -> edit.ifPresent(e -> {
            SiteConfig next = e.site();
            String problem = e.problem();
            if (next != null && (!next.site().equals(initialSite.site()) || !next.floor().equals(initialSite.floor()))) {
                problem = "site and floor cannot change while the gateway runs (restart it for "
                        + next.site() + "/" + next.floor() + ")";
            }
            if (problem != null) {
                siteProblem = problem;
                Logger.error("site config edit refused, still running the previous one: {}", problem);
                return;
            }
            siteProblem = null;
            floor.reconfigure(next);
            ingest.publishSeatConfigs(next);
            routes.siteChanged();
            live.siteChanged();
            Logger.info("site config edited: {} teams, {} seats applied; seat configs republished", next.teams().size(),
                    next.seats().size());
        }));
    }

    private void audit(AuditEntry entry) {
        vertx.executeBlocking(() -> {
            auditLog.append(entry);
            return null;
        }).onFailure(e -> Logger.error("audit log write failed ({}); the entry: {}", e.getMessage(), entry));
    }

    private void applyRetention() {
        long cutoff = clock.getAsLong() - config.retentionDays() * 86_400_000L;
        vertx.executeBlocking(() -> store.deleteBefore(cutoff) + auditLog.deleteBefore(cutoff))
                .onSuccess(n -> Logger.info("retention: deleted {} event(s) and audit line(s) older than {} days", n, config.retentionDays()))
                .onFailure(e -> Logger.warn("retention failed: {}", e.getMessage()));
    }

    int httpPort() {
        return server.actualPort();
    }

    @Override
    public Future<?> stop() {
        stream.closeAll();
        return vertx.executeBlocking(() -> {
            ingest.close();
            writer.close();
            return null;
        }).compose(v -> server.close());
    }
}
