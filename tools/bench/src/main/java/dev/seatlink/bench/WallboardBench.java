package dev.seatlink.bench;

import dev.seatlink.simulator.FloorSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.parsetools.RecordParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
    private static final String SEAT_LINE = "data: {\"seat\"";
    private static final Pattern SEAT_EVENT = Pattern.compile("\"seat\":\"(s-\\d+)\".*\"seq\":(\\d+)");

    private final String name;
    private final boolean slowClient;
    private final boolean pathTimes;
    private final List<Long> storedMicros = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Long> brokerMicros = java.util.Collections.synchronizedList(new ArrayList<>());
    private final int seats;
    private final int rate;
    private final int clients;
    /** Before measuring: the gateway's JIT is still compiling its hot paths in the first seconds. */
    private final int warmUpSeconds;
    private final int seconds;
    private final Path work;
    private final Path gatewayJar;
    /** (seat, seq) → when it was published (System.nanoTime). */
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final long[][] latencies;
    private final int[] received;
    private volatile boolean measuring;

    /**
     * @param name        the scenario: wallboard, latency or fanout
     * @param slowClient  also open one stream that never reads: it must be dropped without slowing the others
     * @param pathTimes   also time publish → stored (sampled) and the broker's own publish → mosquitto_sub
     */
    WallboardBench(String name, int seats, int rate, int clients, int warmUpSeconds, int seconds, boolean slowClient,
                   boolean pathTimes, Path work, Path gatewayJar) {
        this.name = name;
        this.slowClient = slowClient;
        this.pathTimes = pathTimes;
        this.seats = seats;
        this.rate = rate;
        this.clients = clients;
        this.warmUpSeconds = warmUpSeconds;
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
            FloorSimulator floor = new FloorSimulator(vertx, FloorSimulator.Settings.plain(broker.url(),
                    FloorRig.SITE, FloorRig.FLOOR, seats, 1));
            floor.connectAllWithin(Duration.ofMinutes(2));
            measure(rig, floor, broker.name(), url);
            floor.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private void measure(FloorRig rig, FloorSimulator floor, String brokerName, URI broker) throws Exception {
        java.net.Socket slow = slowClient ? openSlowClient(rig) : null;
        Process sub = pathTimes ? startMosquittoSub(broker) : null;
        ExecutorService storeCheckers = Executors.newFixedThreadPool(4);
        // Event-loop readers on their own Vert.x: 200 blocking reader threads (java.net.http, one per stream)
        // cost the shared cores more than the gateway did.
        Vertx readerLoops = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        HttpClientAgent http = readerLoops.createHttpClient(new HttpClientOptions(),
                new PoolOptions().setHttp1MaxSize(clients + 1));
        URI base = URI.create(rig.base());
        for (int c = 0; c < clients; c++) {
            int client = c;
            RecordParser lines = RecordParser.newDelimited("\n", line -> onLine(client, line));
            http.request(HttpMethod.GET, base.getPort(), base.getHost(), "/api/stream")
                    .compose(HttpClientRequest::send)
                    .onSuccess(response -> response.handler(lines))
                    .onFailure(e -> System.err.println("stream " + client + " failed: " + e.getMessage()));
        }
        long interval = 1_000_000_000L / rate;
        int warmUp = warmUpSeconds * rate;
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
            int sample = n;
            floor.step((seat, seq) -> {
                if (measuring) {
                    long sent = System.nanoTime();
                    published.put(seat + "/" + seq, sent);
                    if (pathTimes && sample % 20 == 0) {
                        storeCheckers.execute(() -> timeStored(rig, seat, seq, sent));
                    }
                }
            });
        }
        double window = (System.nanoTime() - measuredFrom) / 1e9;
        double cores = (FloorRig.cpuTicks(rig.pid()) - cpuBefore) / 100.0 / window;
        Thread.sleep(2_000); // the last events reach the streams
        measuring = false;
        storeCheckers.shutdown();
        storeCheckers.awaitTermination(30, TimeUnit.SECONDS);
        if (sub != null) {
            sub.destroy();
        }
        int streams = (int) rig.metric("seatlink_sse_clients");
        int behind = (int) rig.metric("seatlink_sse_clients_behind");
        if (slow != null) {
            slow.close();
        }
        double heap = rig.metric("jvm_memory_heap_used_bytes");
        Map<String, String> proc = ProcStatus.read(rig.pid());
        readerLoops.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        report(seconds * rate, floor.failed(), cores, FloorRig.mb(heap), proc.get("VmRSS"), brokerName, streams,
                behind);
    }

    /** A {@code seat} event's line is timed; everything else (kpis, alerts, comments) is skipped unread. */
    private void onLine(int client, Buffer line) {
        if (!measuring || line.length() < SEAT_LINE.length()
                || !line.getString(0, SEAT_LINE.length(), "US-ASCII").equals(SEAT_LINE)) {
            return;
        }
        long now = System.nanoTime();
        Matcher m = SEAT_EVENT.matcher(line.toString(StandardCharsets.UTF_8));
        if (!m.find()) {
            return;
        }
        Long sent = published.get(m.group(1) + "/" + m.group(2));
        if (sent != null && received[client] < latencies[client].length) {
            latencies[client][received[client]++] = (now - sent) / 1_000;
        }
    }

    private void report(int sent, long failed, double cores, String heap, String rss, String brokerName,
                        int streamsAtEnd, int behindAtEnd) {
        List<Long> all = new ArrayList<>();
        int fewest = Integer.MAX_VALUE;
        long worstClientP99 = 0;
        for (int c = 0; c < clients; c++) {
            fewest = Math.min(fewest, received[c]);
            for (int k = 0; k < received[c]; k++) {
                all.add(latencies[c][k]);
            }
            if (received[c] > 0) {
                worstClientP99 = Math.max(worstClientP99,
                        new Percentiles(java.util.Arrays.copyOf(latencies[c], received[c])).at(99));
            }
        }
        Percentiles p = new Percentiles(all.stream().mapToLong(Long::longValue).toArray());
        Table table = new Table(name + " — " + seats + " seats, " + rate + " transitions/s, " + clients + " SSE clients"
                + (slowClient ? " + 1 that never reads" : "") + ", " + seconds + " s after " + warmUpSeconds + " s warm-up, "
                + brokerName);
        if (pathTimes) {
            Percentiles stored = new Percentiles(storedMicros.stream().mapToLong(Long::longValue).toArray());
            Percentiles broker = new Percentiles(brokerMicros.stream().mapToLong(Long::longValue).toArray());
            table.row("publish → mosquitto_sub (the broker alone) p50 / p99 / max", ms(broker.at(50)) + " / "
                            + ms(broker.at(99)) + " / " + ms(broker.max()), "")
                    .row("publish → stored (1 in 20 sampled) p50 / p99 / max", ms(stored.at(50)) + " / "
                            + ms(stored.at(99)) + " / " + ms(stored.max()), "");
        }
        if (clients > 1) {
            table.row("worst client's own p99", ms(worstClientP99), "");
        }
        if (slowClient) {
            table.row("streams open / set aside as behind at the end", streamsAtEnd + " / " + behindAtEnd,
                    clients + " / 0");
        }
        table
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

    /** A stream client that sends its request and never reads: TCP backpressure, as a hung browser. */
    private static java.net.Socket openSlowClient(FloorRig rig) throws java.io.IOException {
        URI base = URI.create(rig.base());
        java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort());
        socket.setReceiveBufferSize(4096);
        socket.getOutputStream().write(("GET /api/stream HTTP/1.1\r\nHost: " + base.getHost() + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return socket;
    }

    /** mosquitto_sub on the events, its lines timed as they arrive: the broker's own delivery latency. */
    private Process startMosquittoSub(URI broker) throws java.io.IOException {
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", broker.getHost(), "-p", String.valueOf(broker.getPort()),
                "-q", "1", "-t", "seatlink/v1/" + FloorRig.SITE + "/" + FloorRig.FLOOR + "/+/event").start();
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(sub.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    long now = System.nanoTime();
                    Matcher m = SEAT_EVENT.matcher(line);
                    Long sent = m.find() && measuring ? published.get(m.group(1) + "/" + m.group(2)) : null;
                    if (sent != null) {
                        brokerMicros.add((now - sent) / 1_000);
                    }
                }
            } catch (java.io.IOException ended) {
                // mosquitto_sub stopped
            }
        }, "mosquitto_sub-reader");
        reader.setDaemon(true);
        reader.start();
        return sub;
    }

    /** Polls the seat's stored events until this one is there. */
    private void timeStored(FloorRig rig, String seat, long seq, long sent) {
        long deadline = sent + TimeUnit.SECONDS.toNanos(10);
        try {
            while (System.nanoTime() < deadline) {
                String body = rig.get("/api/seats/" + seat + "/events?after=" + (seq - 1) + "&limit=1").body();
                if (body.contains("\"seq\":" + seq + ",")) {
                    storedMicros.add((System.nanoTime() - sent) / 1_000);
                    return;
                }
                Thread.sleep(2);
            }
        } catch (java.io.IOException | InterruptedException e) {
            // not timed
        }
    }

    private static String ms(long micros) {
        return String.format("%.1f ms", micros / 1000.0);
    }

}
