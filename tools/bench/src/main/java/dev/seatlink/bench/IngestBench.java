package dev.seatlink.bench;

import dev.seatlink.simulator.FloorSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ingest}: {@code seats} simulated seats publish events as fast as the broker takes them (at most
 * {@value #IN_FLIGHT} unacknowledged) for {@code seconds}. Beside the gateway, a plain
 * {@code mosquitto_sub} on the same broker counts what the broker delivers in the same window: the
 * gateway's stored-and-applied rate is reported as a ratio to it.
 */
final class IngestBench {
    static final int IN_FLIGHT = 5_000;

    private final int seats;
    private final int seconds;
    private final Path work;
    private final Path gatewayJar;

    IngestBench(int seats, int seconds, Path work, Path gatewayJar) {
        this.seats = seats;
        this.seconds = seconds;
        this.work = work;
        this.gatewayJar = gatewayJar;
    }

    void run() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        Process sub = null;
        try (BenchBroker broker = BenchBroker.start(work); FloorRig rig = new FloorRig(work, gatewayJar)) {
            URI url = URI.create(broker.url());
            rig.startGateway(broker.url(), seats);
            AtomicLong delivered = new AtomicLong();
            sub = new ProcessBuilder("mosquitto_sub", "-h", url.getHost(), "-p", String.valueOf(url.getPort()), "-q", "1",
                    "-t", "seatlink/v1/" + FloorRig.SITE + "/" + FloorRig.FLOOR + "/+/event").start();
            Process counting = sub;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(counting.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    while (in.readLine() != null) {
                        delivered.incrementAndGet();
                    }
                } catch (java.io.IOException ended) {
                    // mosquitto_sub stopped
                }
            }, "mosquitto_sub-reader");
            reader.setDaemon(true);
            reader.start();
            FloorSimulator floor = new FloorSimulator(vertx, FloorSimulator.Settings.plain(broker.url(),
                    FloorRig.SITE, FloorRig.FLOOR, seats, 1));
            floor.connectAllWithin(Duration.ofMinutes(2));
            Thread.sleep(3_000); // statuses and states in
            double storedBefore = rig.metric("seatlink_store_new_events_total");
            double appliedBefore = rig.metric("seatlink_events_applied_total");
            long deliveredBefore = delivered.get();
            long ackBase = floor.acknowledged() - floor.sent();
            long cpuBefore = FloorRig.cpuTicks(rig.pid());
            long brokerCpuBefore = FloorRig.cpuTicks(broker.pid());
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                if (floor.sent() - (floor.acknowledged() - ackBase) < IN_FLIGHT) {
                    floor.step();
                } else {
                    Thread.onSpinWait();
                }
            }
            double window = (System.nanoTime() - start) / 1e9;
            double stored = rig.metric("seatlink_store_new_events_total") - storedBefore;
            double applied = rig.metric("seatlink_events_applied_total") - appliedBefore;
            long brokerDelivered = delivered.get() - deliveredBefore;
            double cores = (FloorRig.cpuTicks(rig.pid()) - cpuBefore) / 100.0 / window;
            double brokerCores = (FloorRig.cpuTicks(broker.pid()) - brokerCpuBefore) / 100.0 / window;
            long sent = floor.sent();
            long drainStart = System.nanoTime();
            double storedAll = stored;
            while (storedAll < sent && System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(120)) {
                Thread.sleep(200);
                storedAll = rig.metric("seatlink_store_new_events_total") - storedBefore;
            }
            double drain = (System.nanoTime() - drainStart) / 1e9;
            double subRate = brokerDelivered / window;
            new Table("ingest — " + seats + " seats publishing flat out for " + seconds + " s, " + broker.name())
                    .row("events published by the seats", String.format("%d (%.0f/s)", sent, sent / window), "")
                    .row("mosquitto_sub received (same broker, same window)", String.format("%.0f/s", subRate), "")
                    .row("gateway stored (committed, then acked)", String.format("%.0f/s", stored / window), "≥ 50,000/s")
                    .row("gateway applied to the floor", String.format("%.0f/s", applied / window), "")
                    .row("gateway stored / mosquitto_sub", String.format("%.2f", stored / Math.max(1, brokerDelivered)),
                            "≥ 0.8")
                    .row("gateway CPU / broker CPU", String.format("%.2f / %.2f cores", cores, brokerCores), "")
                    .row("stored in all, once the queues drained", String.format("%.0f of %d (%.1f s later)", storedAll, sent,
                            drain), "")
                    .note("Mosquitto keeps at most max_queued_messages (100,000) per subscriber session; beyond that"
                            + " it drops, for the gateway and mosquitto_sub alike")
                    .row("publishes that failed", String.valueOf(floor.failed()), "0")
                    .print(System.out);
            floor.close();
        } finally {
            if (sub != null) {
                sub.destroy();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
