package dev.seatlink.bench;

import dev.seatlink.bench.simulate.FloorSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code scale}: a floor of {@code seats} simulated seats (10,000 by default), each its own MQTT connection,
 * all online before the gateway starts; then a cold gateway start. Measures the time until the gateway
 * shows every seat online, its heap and RSS, and {@code GET /api/floor} response times at that size while
 * the floor keeps changing.
 */
final class ScaleBench {
    private static final int WARM_UP_READS = 20;
    private static final int READS = 200;
    private final int seats;
    private final int rate;
    private final Path work;
    private final Path gatewayJar;
    private int floorBytes;

    ScaleBench(int seats, int rate, Path work, Path gatewayJar) {
        this.seats = seats;
        this.rate = rate;
        this.work = work;
        this.gatewayJar = gatewayJar;
    }

    void run() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try (BenchBroker broker = BenchBroker.start(work); FloorRig rig = new FloorRig(work, gatewayJar)) {
            URI url = URI.create(broker.url());
            FloorSimulator floor = new FloorSimulator(vertx, new FloorSimulator.Settings(url.getHost(), url.getPort(),
                    FloorRig.SITE, FloorRig.FLOOR, seats, 1, null));
            long connectStart = System.nanoTime();
            floor.connectAll().toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            int connected = floor.connected();

            long coldStart = System.nanoTime();
            rig.startGateway(broker.url(), seats);
            double healthy = (System.nanoTime() - coldStart) / 1e9;
            double online = 0;
            while (System.nanoTime() - coldStart < TimeUnit.MINUTES.toNanos(3)) {
                online = rig.metric("seatlink_seats_online");
                if (online >= connected) {
                    break;
                }
                Thread.sleep(100);
            }
            double allOnline = (System.nanoTime() - coldStart) / 1e9;

            // The floor keeps moving while the API is read.
            long period = Math.max(1, 1000 / Math.max(1, rate));
            long timer = vertx.setPeriodic(period, id -> floor.step((seat, seq) -> { }));
            long firstRead = timeFloorRead(rig);
            Thread.sleep(5_000);
            for (int i = 0; i < WARM_UP_READS; i++) {
                timeFloorRead(rig);
            }
            long[] micros = new long[READS];
            for (int i = 0; i < micros.length; i++) {
                micros[i] = timeFloorRead(rig);
                Thread.sleep(100);
            }
            int bytes = floorBytes;
            vertx.cancelTimer(timer);
            Percentiles floorTimes = new Percentiles(micros);
            double heap = rig.metric("jvm_memory_heap_used_bytes");
            Map<String, String> proc = ProcStatus.read(rig.pid());
            new Table("scale — " + seats + " seats, each its own MQTT connection, " + broker.name())
                    .row("seats connected by the simulator", connected + " of " + seats + " in "
                            + String.format("%.1f s", connectSeconds), "all")
                    .row("cold gateway start → /health UP", String.format("%.1f s", healthy), "")
                    .row("cold gateway start → every seat online", String.format("%.1f s (%d online)", allOnline,
                            (int) online), "")
                    .row("gateway heap in use", FloorRig.mb(heap), "≤ 256 MB")
                    .row("gateway RSS / peak RSS", proc.get("VmRSS") + " / " + proc.get("VmHWM"), "")
                    .row("first GET /api/floor after the cold start", ms(firstRead), "")
                    .row("GET /api/floor p50 (" + bytes / 1024 + " KB)", ms(floorTimes.at(50)), "")
                    .row("GET /api/floor p99 / max", ms(floorTimes.at(99)) + " / " + ms(floorTimes.max()), "≤ 50 ms")
                    .row("floor tick (KPIs, alerts, summary) last / worst", String.format("%.1f ms / %.1f ms",
                            rig.metric("seatlink_tick_seconds") * 1000, rig.metric("seatlink_tick_max_seconds") * 1000), "")
                    .note("/api/floor read " + READS + " times, 100 ms apart, after " + WARM_UP_READS
                            + " warm-up reads, while the floor changed at " + rate + " transitions/s")
                    .print(System.out);
            floor.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static String ms(long micros) {
        return String.format("%.1f ms", micros / 1000.0);
    }

    /** One GET /api/floor, body read in full (as bytes: decoding 2 MB here is not the gateway's time). */
    private long timeFloorRead(FloorRig rig) throws IOException, InterruptedException {
        long t = System.nanoTime();
        floorBytes = rig.http().send(HttpRequest.newBuilder(URI.create(rig.base() + "/api/floor"))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        return (System.nanoTime() - t) / 1_000;
    }
}
