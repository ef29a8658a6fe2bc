package dev.seatlink.bench;

import dev.seatlink.bench.simulate.FloorSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wallboard's promise at floor scale: {@code seats} simulated seats changing state at {@code rate}
 * transitions a second through a real Mosquitto into a gateway in its own JVM, with {@code clients}
 * wallboard streams open. Measures publish → SSE {@code seat} event at every client (p50/p99/max), and
 * the gateway's CPU, heap and RSS over the measured window.
 */
final class WallboardBench {
    private static final Pattern SEAT_EVENT = Pattern.compile("\"seat\":\"(s-\\d+)\".*\"seq\":(\\d+)");

    private final int seats;
    private final int rate;
    private final int clients;
    private final int seconds;
    private final Path work;
    private final Path gatewayJar;
    /** (seat, seq) → when it was published (System.nanoTime). */
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final long[][] latencies;
    private final int[] received;
    private volatile boolean measuring;

    WallboardBench(int seats, int rate, int clients, int seconds, Path work, Path gatewayJar) {
        this.seats = seats;
        this.rate = rate;
        this.clients = clients;
        this.seconds = seconds;
        this.work = work;
        this.gatewayJar = gatewayJar;
        this.latencies = new long[clients][rate * (seconds + 5)];
        this.received = new int[clients];
    }

    void run() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try (BenchBroker broker = BenchBroker.start(work); FloorRig rig = new FloorRig(work, gatewayJar)) {
            rig.startGateway(broker.url(), seats);
            URI url = URI.create(broker.url());
            FloorSimulator floor = new FloorSimulator(vertx, new FloorSimulator.Settings(url.getHost(), url.getPort(),
                    FloorRig.SITE, FloorRig.FLOOR, seats, 1, null));
            floor.connectAll().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
            measure(rig, floor, broker.name());
            floor.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private void measure(FloorRig rig, FloorSimulator floor, String brokerName) throws Exception {
        // Each stream is read on its own thread: a reader blocking HttpClient's selector would stall them all.
        ExecutorService readers = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            rig.http().sendAsync(HttpRequest.newBuilder(URI.create(rig.base() + "/api/stream")).build(),
                    HttpResponse.BodyHandlers.ofLines())
                    .thenAcceptAsync(r -> r.body().forEach(line -> onLine(client, line)), readers);
        }
        long interval = 1_000_000_000L / rate;
        int warmUp = 5 * rate;
        int total = warmUp + seconds * rate;
        long cpuBefore = 0;
        long start = System.nanoTime();
        long measuredFrom = 0;
        for (int n = 0; n < total; n++) {
            if (n == warmUp) {
                measuring = true;
                cpuBefore = FloorRig.cpuTicks(rig.pid());
                measuredFrom = System.nanoTime();
            }
            long wait = start + n * interval - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            floor.step((seat, seq) -> {
                if (measuring) {
                    published.put(seat + "/" + seq, System.nanoTime());
                }
            });
        }
        double window = (System.nanoTime() - measuredFrom) / 1e9;
        double cores = (FloorRig.cpuTicks(rig.pid()) - cpuBefore) / 100.0 / window;
        Thread.sleep(2_000); // the last events reach the streams
        measuring = false;
        double heap = rig.metric("jvm_memory_heap_used_bytes");
        Map<String, String> proc = ProcStatus.read(rig.pid());
        readers.shutdownNow();
        report(seconds * rate, floor.failed(), cores, FloorRig.mb(heap), proc.get("VmRSS"), brokerName);
    }

    private void onLine(int client, String line) {
        if (!measuring || !line.startsWith("data: {\"seat\"")) {
            return;
        }
        long now = System.nanoTime();
        Matcher m = SEAT_EVENT.matcher(line);
        if (!m.find()) {
            return;
        }
        Long sent = published.get(m.group(1) + "/" + m.group(2));
        if (sent != null && received[client] < latencies[client].length) {
            latencies[client][received[client]++] = (now - sent) / 1_000;
        }
    }

    private void report(int sent, long failed, double cores, String heap, String rss, String brokerName) {
        List<Long> all = new ArrayList<>();
        int fewest = Integer.MAX_VALUE;
        for (int c = 0; c < clients; c++) {
            fewest = Math.min(fewest, received[c]);
            for (int k = 0; k < received[c]; k++) {
                all.add(latencies[c][k]);
            }
        }
        Percentiles p = new Percentiles(all.stream().mapToLong(Long::longValue).toArray());
        new Table("wallboard — " + seats + " seats, " + rate + " transitions/s, " + clients + " SSE clients, "
                + seconds + " s, " + brokerName)
                .row("publish → SSE seat event p50", ms(p.at(50)), "")
                .row("publish → SSE seat event p99", ms(p.at(99)), "< 50 ms")
                .row("publish → SSE seat event max", ms(p.max()), "")
                .row("events published / fewest received by a client", sent + " / " + fewest, "all")
                .row("gateway CPU (cores, measured window)", String.format("%.2f", cores), "")
                .row("gateway heap used at the end", heap, "")
                .row("gateway RSS at the end", rss, "")
                .row("publishes that failed", String.valueOf(failed), "0")
                .note("latency samples: " + p.count() + " (every client, every event)")
                .print(System.out);
    }

    private static String ms(long micros) {
        return String.format("%.1f ms", micros / 1000.0);
    }

}
