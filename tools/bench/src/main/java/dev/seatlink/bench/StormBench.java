package dev.seatlink.bench;

import dev.seatlink.simulator.FloorSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code reconnect-storm}: {@code seats} seats change state at {@code rate} transitions/s; the broker
 * (persistence on, as in production) is restarted under them. Every seat reconnects with full-jitter
 * backoff and sends what it made meanwhile and what was never acknowledged. Measures the time until all
 * seats are back, until every event is stored, the broker's peak CPU, and that nothing was lost.
 */
final class StormBench {
    private final int seats;
    private final int rate;
    private final Path work;
    private final Path gatewayJar;

    StormBench(int seats, int rate, Path work, Path gatewayJar) {
        this.seats = seats;
        this.rate = rate;
        this.work = work;
        this.gatewayJar = gatewayJar;
    }

    void run() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try (BenchBroker broker = BenchBroker.start(work, true); FloorRig rig = new FloorRig(work, gatewayJar)) {
            rig.startGateway(broker.url(), seats);
            URI url = URI.create(broker.url());
            FloorSimulator floor = new FloorSimulator(vertx, FloorSimulator.Settings.plain(broker.url(),
                    FloorRig.SITE, FloorRig.FLOOR, seats, 1));
            floor.connectAllWithin(Duration.ofMinutes(2));
            Thread.sleep(2_000);
            double storedBefore = rig.metric("seatlink_store_new_events_total");
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            long restartAt = start + TimeUnit.SECONDS.toNanos(5);
            long stopAt = start + TimeUnit.SECONDS.toNanos(20);
            long restartedAt = 0;
            double peakBrokerCores = 0;
            long lastTicks = 0;
            long lastSample = 0;
            int allBackAfter = -1;
            for (long n = 0; System.nanoTime() < stopAt; n++) {
                long wait = start + n * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (restartedAt == 0 && System.nanoTime() >= restartAt) {
                    broker.restart();
                    restartedAt = System.nanoTime();
                    lastTicks = FloorRig.cpuTicks(broker.pid());
                    lastSample = restartedAt;
                }
                floor.step();
                if (restartedAt > 0 && System.nanoTime() - lastSample > 500_000_000L) {
                    long ticks = FloorRig.cpuTicks(broker.pid());
                    peakBrokerCores = Math.max(peakBrokerCores, (ticks - lastTicks) / 100.0
                            / ((System.nanoTime() - lastSample) / 1e9));
                    lastTicks = ticks;
                    lastSample = System.nanoTime();
                }
            }
            long sent = floor.sent();
            double backSeconds = -1;
            double storedSeconds = -1;
            double stored = 0;
            while (System.nanoTime() - restartedAt < TimeUnit.SECONDS.toNanos(120)) {
                if (backSeconds < 0 && floor.connected() == seats) {
                    backSeconds = (System.nanoTime() - restartedAt) / 1e9;
                }
                stored = rig.metric("seatlink_store_new_events_total") - storedBefore;
                if (stored >= sent && backSeconds >= 0) {
                    storedSeconds = (System.nanoTime() - restartedAt) / 1e9;
                    break;
                }
                Thread.sleep(250);
            }
            new Table("reconnect-storm — " + seats + " seats at " + rate + " transitions/s, broker restarted under them, "
                    + broker.name() + " (persistence on)")
                    .row("every seat connected again", backSeconds < 0 ? "not within 120 s (" + floor.connected() + ")"
                            : String.format("%.1f s after the restart", backSeconds), "≤ 30 s")
                    .row("every event stored", storedSeconds < 0 ? "not within 120 s"
                            : String.format("%.1f s after the restart", storedSeconds), "")
                    .row("events made / stored (each once)", String.format("%d / %.0f", sent, stored), "equal")
                    .row("lost", String.format("%.0f", Math.max(0, sent - stored)), "0")
                    .row("seat reconnections", String.valueOf(floor.reconnects()), "")
                    .row("broker peak CPU after the restart (0.5 s samples)", String.format("%.2f cores",
                            peakBrokerCores), "")
                    .note("seats reconnect with full jitter (a random wait up to half the outage so far, 1 s to 60 s) and "
                            + "send what they made meanwhile, then anything the broker never acknowledged")
                    .print(System.out);
            floor.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
