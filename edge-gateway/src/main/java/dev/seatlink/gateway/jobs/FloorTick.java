package dev.seatlink.gateway.jobs;

import dev.seatlink.gateway.apply.FloorUpdater;
import dev.seatlink.gateway.floor.AlertChange;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorCounts;
import dev.seatlink.gateway.floor.FloorKpis;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.shift.AlertJournal;
import dev.seatlink.gateway.floor.HelpRequest;
import dev.seatlink.gateway.floor.KpiInputs;
import dev.seatlink.gateway.floor.Tick;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.web.LiveUpdates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import org.tinylog.Logger;

/**
 * Every second: the KPIs, counts and help queue (computed on a worker from what the floor hands over: at
 * 10,000 seats they held the event loop for tens of milliseconds), then the alerts they raise or clear, then each {@link
 * Tick.Listener} (command timeouts, the live figures, the retained summary). Its time on the loop is
 * {@code seatlink_tick_seconds}.
 */
public final class FloorTick implements PeriodicJob, EarlyTick {
    static final long PERIOD_MS = 1_000;

    private final Vertx vertx;
    private final FloorModel floor;
    private final FloorUpdater updater;
    private final LiveUpdates live;
    private final AlertJournal alertJournal;
    private final Metrics metrics;
    private final FloorClock clock;
    private final List<Tick.Listener> listeners;
    private long lastRunAt;

    public FloorTick(Vertx vertx, FloorModel floor, FloorUpdater updater, LiveUpdates live, AlertJournal alertJournal,
                     Metrics metrics, FloorClock clock, List<Tick.Listener> listeners) {
        this.vertx = vertx;
        this.floor = floor;
        this.updater = updater;
        this.live = live;
        this.alertJournal = alertJournal;
        this.metrics = metrics;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public long periodMs() {
        return PERIOD_MS;
    }

    @Override
    public void run() {
        runNow();
    }

    /** One tick now (also at start and after a site edit); completes once its listeners ran. */
    public Future<Void> runNow() {
        long started = System.nanoTime();
        long now = clock.millis();
        lastRunAt = now;
        KpiInputs inputs = floor.kpiInputs(now);
        long heldNanos = System.nanoTime() - started;
        return vertx.executeBlocking(() -> new Computed(inputs.compute(), inputs.counts(), inputs.helpQueue()), false)
                .onFailure(e -> Logger.error(e, "floor KPIs could not be computed"))
                .map(computed -> {
                    afterKpis(computed, now, heldNanos);
                    return null;
                });
    }

    @Override
    public long lastRunAt() {
        return lastRunAt;
    }

    @Override
    public void runEarly() {
        runNow();
    }

    /** What the worker computed from the floor's snapshot. */
    private record Computed(FloorKpis kpis, FloorCounts counts, List<HelpRequest> helpQueue) {
    }

    private void afterKpis(Computed computed, long now, long heldNanos) {
        long started = System.nanoTime();
        for (AlertChange change : floor.updateAlerts(computed.kpis(), updater.gapsOverdue(now), now)) {
            live.alert(change);
            alertJournal.changed(change);
            Logger.info("alert {}: {}", change.change(), change.alert().text());
        }
        Tick tick = new Tick(now, computed.kpis(), computed.counts(), computed.helpQueue(), floor.alerts());
        listeners.forEach(listener -> listener.ticked(tick));
        metrics.tick((heldNanos + System.nanoTime() - started) / 1_000);
    }
}
