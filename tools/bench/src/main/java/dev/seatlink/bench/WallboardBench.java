package dev.seatlink.bench;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The wallboard's promise at floor scale: {@code seats} simulated seats changing state at {@code rate}
 * transitions a second through a real Mosquitto into a gateway in its own JVM, with {@code clients}
 * wallboard streams open. Measures publish → SSE {@code seat} event at every client (p50/p99/max), and
 * the gateway's CPU, heap and RSS over the measured window.
 */
final class WallboardBench {
    private static final Pattern SEAT_EVENT = Pattern.compile("\"seat\":\"(s-\\d+)\".*\"seq\":(\\d+)");
    private static final AgentState[] CYCLE = {AgentState.READY, AgentState.BUSY, AgentState.WRAP_UP};
    private static final int PUBLISHERS = 20;

    private final int seats;
    private final int rate;
    private final int clients;
    private final int seconds;
    private final Path work;
    private final Path gatewayJar;
    private final Codec codec = new Codec();
    /** (seat, seq) → when it was published (System.nanoTime). */
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final long[][] latencies;
    private final int[] received;
    private volatile boolean measuring;
    private final AtomicLong publishFailures = new AtomicLong();

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
        Path site = writeSite();
        try (BenchBroker broker = BenchBroker.start(work)) {
            int port = BenchBroker.freePort();
            Process gateway = new ProcessBuilder("java", "-Xmx256m", "-jar", gatewayJar.toString(), "--broker",
                    broker.url(), "--site-config", site.toString(), "--http-port", String.valueOf(port), "--data-dir",
                    work.resolve("gateway").toString()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("gateway.log").toFile()).start();
            try {
                measure(broker, gateway, "http://127.0.0.1:" + port);
            } finally {
                gateway.destroy();
                gateway.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private void measure(BenchBroker broker, Process gateway, String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        waitForHealth(http, base);
        List<MqttClient> publishers = connect(broker.url());
        for (int i = 0; i < seats; i++) {
            publish(publishers, i, Topic.Kind.STATUS, SeatStatus.online("bench-" + i, "bench", System.currentTimeMillis()),
                    true);
        }
        // Each stream is read on its own thread: a reader blocking HttpClient's selector would stall them all.
        ExecutorService readers = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/stream")).build(),
                    HttpResponse.BodyHandlers.ofLines())
                    .thenAcceptAsync(r -> r.body().forEach(line -> onLine(client, line)), readers);
        }
        long[] seq = new long[seats];
        long interval = 1_000_000_000L / rate;
        int warmUp = 5 * rate;
        int total = warmUp + seconds * rate;
        long cpuBefore = 0;
        long start = System.nanoTime();
        long measuredFrom = 0;
        for (int n = 0; n < total; n++) {
            if (n == warmUp) {
                measuring = true;
                cpuBefore = cpuTicks(gateway.pid());
                measuredFrom = System.nanoTime();
            }
            long due = start + n * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int i = n % seats;
            long s = ++seq[i];
            AgentState from = CYCLE[(int) ((s + 1) % CYCLE.length)];
            AgentState to = CYCLE[(int) (s % CYCLE.length)];
            if (measuring) {
                published.put("s-" + i + "/" + s, System.nanoTime());
            }
            publish(publishers, i, Topic.Kind.EVENT, new SeatEvent(seatId(i), "a" + i, s == 1 ? AgentState.LOGGED_OUT
                    : from, to, null, false, System.currentTimeMillis(), s, "bench-" + i, Cause.BUTTON), false);
        }
        double window = (System.nanoTime() - measuredFrom) / 1e9;
        double cores = (cpuTicks(gateway.pid()) - cpuBefore) / 100.0 / window; // USER_HZ is 100 on Linux
        Thread.sleep(2_000); // the last events reach the streams
        measuring = false;
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, String> proc = ProcStatus.read(gateway.pid());
        for (MqttClient publisher : publishers) {
            publisher.disconnect();
            publisher.close();
        }
        readers.shutdownNow();
        report(seconds * rate, cores, heapMb(metrics), proc.get("VmRSS"), broker.name());
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
        Long sent = published.get("s-" + Integer.parseInt(m.group(1).substring(2)) + "/" + m.group(2));
        if (sent != null && received[client] < latencies[client].length) {
            latencies[client][received[client]++] = (now - sent) / 1_000;
        }
    }

    private void report(int sent, double cores, String heap, String rss, String brokerName) {
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
                .row("publishes the broker refused", String.valueOf(publishFailures.get()), "0")
                .note("latency samples: " + p.count() + " (every client, every event)")
                .print(System.out);
    }

    private static String ms(long micros) {
        return String.format("%.1f ms", micros / 1000.0);
    }

    private static String heapMb(String metrics) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_heap_used_bytes ")) {
                return String.format("%.1f MB", Double.parseDouble(line.substring(27)) / 1024 / 1024);
            }
        }
        return "?";
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
    }

    private static String seatId(int i) {
        return "s-" + i;
    }

    private Path writeSite() throws IOException {
        int perTeam = 15;
        StringBuilder json = new StringBuilder("{\"site\":\"bench\",\"floor\":\"f1\",\"teams\":[");
        int teams = (seats + perTeam - 1) / perTeam;
        for (int t = 0; t < teams; t++) {
            json.append(t == 0 ? "" : ",").append("{\"id\":\"t-").append(t).append("\",\"minReady\":2}");
        }
        json.append("],\"seats\":[");
        for (int i = 0; i < seats; i++) {
            json.append(i == 0 ? "" : ",").append("{\"seat\":\"").append(seatId(i)).append("\",\"team\":\"t-")
                    .append(i / perTeam).append("\",\"agent\":\"a").append(i).append("\",\"x\":").append(i % 50)
                    .append(",\"y\":").append(i / 50).append('}');
        }
        Path file = work.resolve("bench-site.json");
        Files.writeString(file, json.append("]}").toString());
        return file;
    }

    private List<MqttClient> connect(String url) throws Exception {
        List<MqttClient> list = new ArrayList<>();
        for (int k = 0; k < PUBLISHERS; k++) {
            MqttClient client = new MqttClient(url, "bench-publisher-" + k, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(10_000);
            options.setCleanSession(true);
            client.connect(options);
            list.add(client);
        }
        return list;
    }

    private void publish(List<MqttClient> publishers, int seat, Topic.Kind kind, dev.seatlink.protocol.Message message,
                         boolean retained) {
        Topic topic = Topic.seat("bench", "f1", seatId(seat), kind);
        try {
            publishers.get(seat % PUBLISHERS).getTopic(topic.toString()).publish(codec.encode(topic, message), 1, retained);
        } catch (Exception e) {
            publishFailures.incrementAndGet();
        }
    }

    private static void waitForHealth(HttpClient http, String base) throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the gateway is still starting
            }
            Thread.sleep(100);
        }
        throw new IOException("the gateway did not become healthy within 30 s");
    }
}
