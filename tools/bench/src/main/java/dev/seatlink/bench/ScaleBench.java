package dev.seatlink.bench;

import dev.seatlink.simulator.FloorSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    /** A team leader's view of the bench site's first team (15 seats). */
    private static final String TEAM_VIEW = "/api/teams/t-0";
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
            FloorSimulator floor = new FloorSimulator(vertx, FloorSimulator.Settings.plain(broker.url(),
                    FloorRig.SITE, FloorRig.FLOOR, seats, 1));
            long connectStart = System.nanoTime();
            floor.connectAllWithin(Duration.ofMinutes(5));
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
            long timer = vertx.setPeriodic(period, id -> floor.step());
            long firstRead = read(rig, "/api/floor", 0, 1)[0];
            Thread.sleep(5_000);
            TickSampler ticks = new TickSampler(rig);
            ticks.start();
            long[] micros = read(rig, "/api/floor", WARM_UP_READS, READS);
            int bytes = floorBytes;
            Percentiles teamTimes = new Percentiles(read(rig, TEAM_VIEW, WARM_UP_READS, READS));
            Percentiles tickTimes = ticks.finish();
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
                    .row("GET " + TEAM_VIEW + " p50 / p99 / max (signed in)", ms(teamTimes.at(50)) + " / "
                            + ms(teamTimes.at(99)) + " / " + ms(teamTimes.max()), "≤ 50 ms")
                    .row(TEAM_VIEW + " on the gateway's event loop: mean / max", loopTime(rig, "/api/teams/:team"),
                            "< 2 ms")
                    .row("/api/floor on the gateway's event loop: mean / max", loopTime(rig, "/api/floor"), "")
                    .row("floor tick on the event loop while read: p50 / max (" + tickTimes.count() + " ticks)",
                            ms(tickTimes.at(50)) + " / " + ms(tickTimes.max()), "≤ 10 ms")
                    .row("floor tick on the event loop, worst since the cold start", String.format("%.1f ms",
                            rig.metric("seatlink_tick_max_seconds") * 1000), "")
                    .note("/api/floor read by curl " + READS + " times, 100 ms apart on one connection, after "
                            + WARM_UP_READS + " warm-up reads, while the floor changed at " + rate + " transitions/s")
                    .print(System.out);
            floor.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** What a route's handlers cost the gateway's event loop, from its seatlink_http_loop_seconds. */
    private static String loopTime(FloorRig rig, String route) throws IOException, InterruptedException {
        String label = "{route=\"" + route + "\"}";
        double count = rig.metric("seatlink_http_loop_seconds_count" + label);
        double sum = rig.metric("seatlink_http_loop_seconds_sum" + label);
        double max = rig.metric("seatlink_http_loop_max_seconds" + label);
        return String.format("%.2f ms / %.2f ms (%d requests)", count == 0 ? 0 : sum / count * 1000, max * 1000,
                (long) count);
    }

    /** Reads the gateway's last tick time once a second (each tick is 1 s apart) while the API is read. */
    private static final class TickSampler extends Thread {
        private final FloorRig rig;
        private final java.util.List<Long> micros = new java.util.ArrayList<>();
        private volatile boolean running = true;

        TickSampler(FloorRig rig) {
            super("tick-sampler");
            this.rig = rig;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    micros.add(Math.round(rig.metric("seatlink_tick_seconds") * 1e6));
                    Thread.sleep(1_000);
                } catch (java.io.IOException | InterruptedException e) {
                    return;
                }
            }
        }

        Percentiles finish() throws InterruptedException {
            running = false;
            join();
            return new Percentiles(micros.stream().mapToLong(Long::longValue).toArray());
        }
    }

    private static String ms(long micros) {
        return String.format("%.1f ms", micros / 1000.0);
    }

    /**
     * GET {@code path} {@code warmUp + reads} times over one keep-alive connection, ten a second, signed in, by
     * curl: a client outside this JVM, which also runs the 10,000 simulated seats (their event loops and
     * garbage collections added tens of milliseconds to a Java client's reads). Returns the last
     * {@code reads} times.
     */
    private long[] read(FloorRig rig, String path, int warmUp, int reads) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--rate", "10/s", "-H",
                "Authorization: " + rig.authorization(), "-w", "%{time_total} %{size_download} %{http_code}\\n"));
        for (int i = 0; i < warmUp + reads; i++) {
            command.addAll(List.of("-o", "/dev/null", rig.base() + path));
        }
        Process curl;
        try {
            curl = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IOException("the scale scenario reads the API with curl; install it (Debian: curl)", e);
        }
        List<String> lines = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        if (curl.waitFor() != 0 || lines.size() != warmUp + reads) {
            throw new IOException("curl read " + path + " " + lines.size() + " of " + (warmUp + reads) + " times");
        }
        long[] micros = new long[reads];
        for (int i = 0; i < reads; i++) {
            String[] fields = lines.get(warmUp + i).split(" ");
            if (!fields[2].equals("200")) {
                throw new IOException("GET " + path + " answered " + fields[2]);
            }
            micros[i] = Math.round(Double.parseDouble(fields[0]) * 1e6);
            if (path.equals("/api/floor")) {
                floorBytes = Integer.parseInt(fields[1]);
            }
        }
        return micros;
    }
}
