package dev.seatlink.gateway;

import dev.seatlink.gateway.floor.FloorCounts;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.ingest.FloorUpdater;
import dev.seatlink.gateway.ingest.Ingest;
import dev.seatlink.gateway.ingest.IngestSettings;
import dev.seatlink.gateway.ingest.RejectLog;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.site.SeatMap;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.gateway.store.StoreWriter;
import dev.seatlink.gateway.store.StoredEvent;
import dev.seatlink.gateway.web.EventHistory;
import dev.seatlink.gateway.access.PasswordFile;
import dev.seatlink.gateway.web.ApiRoutes;
import dev.seatlink.gateway.web.CommandRoutes;
import dev.seatlink.gateway.web.LiveUpdates;
import dev.seatlink.gateway.web.SseStream;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.FloorSummary;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
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
    static final long KPI_INTERVAL_MS = 1_000;

    static final long REORDER_TICK_MS = 250;
    static final long RETENTION_EVERY_MS = 6 * 60 * 60_000L;

    private final GatewayConfig config;
    private final SeatMap map;
    private final String brokerUrl;
    private final EventStore store;
    private final Map<String, StoredEvent> lastStored;
    private final PasswordFile supervisors;
    private StoreWriter writer;
    private final LongSupplier clock = System::currentTimeMillis;
    private final Metrics metrics = new Metrics();
    private final SseStream stream = new SseStream();
    private Ingest ingest;
    private HttpServer server;
    private boolean countsChanged = true;

    FloorVerticle(GatewayConfig config, SeatMap map, String brokerUrl, EventStore store,
                  Map<String, StoredEvent> lastStored, PasswordFile supervisors) {
        this.supervisors = supervisors;
        this.config = config;
        this.map = map;
        this.brokerUrl = brokerUrl;
        this.store = store;
        this.lastStored = lastStored;
    }

    @Override
    public Future<?> start() {
        Codec codec = new Codec();
        FloorModel floor = new FloorModel(map);
        lastStored.values().forEach(stored -> floor.restore(stored.event()));
        RejectLog rejectLog = new RejectLog(clock);
        writer = new StoreWriter(store);
        String clientId = map.site() + "." + map.floor() + ".gateway";
        IngestSettings settings = new IngestSettings(brokerUrl, clientId, map.site() + "-" + map.floor() + "-gateway",
                config.username(), config.password() == null ? null : config.password().toCharArray(), config.tlsCaFile());
        ApiRoutes routes = new ApiRoutes(map, floor, stream, metrics, () -> ingest.isConnected(), writer,
                new EventHistory(vertx, store));
        LiveUpdates live = new LiveUpdates(stream);
        BiConsumer<String, Command> sendCommand = (seat, command) ->
                ingest.publish(Topic.seat(map.site(), map.floor(), seat, Topic.Kind.CMD), command, false);
        CommandRoutes commands = new CommandRoutes(floor, supervisors, sendCommand, () -> ingest.isConnected(), clock);
        FloorUpdater updater = new FloorUpdater(floor, metrics, rejectLog, view -> {
            live.seat(view);
            countsChanged = true;
        }, sendCommand, commands::answered, clock, config.reorderTimeoutMs());
        lastStored.forEach((seat, stored) -> updater.restore(seat, stored.event().seq()));
        ingest = new Ingest(settings, map, codec, metrics, rejectLog,
                (message, rx) -> context.runOnContext(v -> updater.apply(message, rx)), writer, clock);

        Router router = Router.router(vertx);
        commands.mount(router);
        routes.mount(router);
        vertx.setPeriodic(HEARTBEAT_MS, id -> stream.heartbeat());
        vertx.setPeriodic(KPI_INTERVAL_MS, id -> publishCounts(floor, live));
        vertx.setPeriodic(REORDER_TICK_MS, id -> updater.tick());
        vertx.setPeriodic(RETENTION_EVERY_MS, id -> applyRetention());
        server = vertx.createHttpServer(new HttpServerOptions().setHost(config.httpHost()).setPort(config.httpPort()));
        return server.requestHandler(router).listen().onSuccess(s -> ingest.start());
    }

    /** At most once a second, and only after a change: the stream's kpis event and the retained summary. */
    private void publishCounts(FloorModel floor, LiveUpdates live) {
        if (!countsChanged) {
            return;
        }
        countsChanged = false;
        FloorCounts counts = floor.counts();
        live.kpis(counts);
        ingest.publish(Topic.floor(map.site(), map.floor(), Topic.Kind.SUMMARY),
                new FloorSummary(clock.getAsLong(), counts.seats(), counts.online(), counts.help(), counts.states(),
                        counts.teams()), true);
    }

    private void applyRetention() {
        long cutoff = clock.getAsLong() - config.retentionDays() * 86_400_000L;
        vertx.executeBlocking(() -> store.deleteBefore(cutoff))
                .onSuccess(n -> Logger.info("retention: deleted {} event(s) older than {} days", n, config.retentionDays()))
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
