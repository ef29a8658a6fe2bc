package dev.seatlink.bench;

import dev.seatlink.simulator.FloorSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code catch-up}: the gateway's restart after downtime. With the gateway stopped, {@code seats} simulated
 * seats queue {@code events} events on a real Mosquitto, in the gateway's persistent session and in a
 * plain {@code mosquitto_sub -c -q 1} session beside it. Then {@code mosquitto_sub} drains its copy and,
 * after it, the gateway drains its own: each rate is counted from the first event received to the last
 * (the gateway's: stored and applied), so a JVM's start is not charged to it, and the gateway's is
 * reported as a ratio to the broker's plain subscriber in the same run. The gateway's heap is sampled
 * throughout (it runs with {@code -Xmx256m}).
 */
final class CatchUpBench {
    static final String DRAIN_CLIENT = "bench.drain";
    private static final int IN_FLIGHT = 2_000;
    private static final long SAMPLE_MS = 25;

    private final int seats;
    private final int events;
    private final Path work;
    private final Path gatewayJar;

    CatchUpBench(int seats, int events, Path work, Path gatewayJar) {
        this.seats = seats;
        this.events = events;
        this.work = work;
        this.gatewayJar = gatewayJar;
    }

    void run() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        // each session holds the whole backlog, snapshots and configs included
        int maxQueued = events + 10 * seats + 1_000;
        try (BenchBroker broker = BenchBroker.start(work, false, maxQueued);
             FloorRig rig = new FloorRig(work, gatewayJar)) {
            URI url = URI.create(broker.url());
            rig.startGateway(broker.url(), seats);
            awaitLog("seat configs published", 30); // subscribed: its session now queues the floor
            rig.stopGateway();
            drainer(url, false).waitFor(); // the session is made and subscribed, then it disconnects

            FloorSimulator floor = new FloorSimulator(vertx, FloorSimulator.Settings.plain(broker.url(),
                    FloorRig.SITE, FloorRig.FLOOR, seats, 1));
            floor.connectAllWithin(Duration.ofMinutes(2));
            long queueStart = System.nanoTime();
            long ackBase = floor.acknowledged();
            while (floor.sent() < events) {
                if (floor.sent() - (floor.acknowledged() - ackBase) < IN_FLIGHT) {
                    floor.step();
                } else {
                    Thread.onSpinWait();
                }
            }
            while (floor.acknowledged() - ackBase < events) {
                Thread.sleep(20);
            }
            double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
            floor.close();

            Drain sub = drainSubscriber(url);
            Drain gateway = drainGateway(rig, broker.url());
            new Table("catch-up — " + events + " events from " + seats + " seats queued while the gateway was down, "
                    + broker.name())
                    .row("backlog queued (events; statuses and states besides)", String.format("%d in %.1f s", events,
                            queueSeconds), "")
                    .row("mosquitto_sub -c -q 1 drained it", sub.describe(), "")
                    .row("gateway stored and applied it", gateway.describe(), "")
                    .row("gateway / mosquitto_sub", String.format("%.2f", gateway.rate() / sub.rate()), "≥ 0.8")
                    .row("gateway heap in use, highest sample (-Xmx256m)", FloorRig.mb(gateway.peakHeap), "≤ 256 MB")
                    .row("gateway start until the first event was stored", String.format("%.1f s", gateway.startSeconds),
                            "")
                    .row("events lost", String.valueOf(Math.max(0, events - gateway.count)), "0")
                    .note("rates count from the first event received to the last; the gateway's count is "
                            + "seatlink_store_new_events_total with seatlink_events_applied_total caught up, sampled "
                            + "every " + SAMPLE_MS + " ms")
                    .print(System.out);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** What one drain took: events seen, first and last seen (ns), the gateway's heap and start. */
    private record Drain(long count, long first, long last, double startSeconds, double peakHeap) {
        double rate() {
            return count / Math.max(1e-9, (last - first) / 1e9);
        }

        String describe() {
            return String.format("%,.0f events/s (%d in %.2f s)", rate(), count, (last - first) / 1e9);
        }
    }

    /**
     * {@code mosquitto_sub} on the drain session, subscribed as the gateway is.
     *
     * @param drain read the backlog (for at most 300 s); else only make the session and exit ({@code -E})
     */
    private Process drainer(URI url, boolean drain) throws IOException {
        List<String> command = new ArrayList<>(List.of("mosquitto_sub", "-h", url.getHost(), "-p",
                String.valueOf(url.getPort()), "-q", "1", "-c", "-i", DRAIN_CLIENT, "-v"));
        command.addAll(drain ? List.of("-W", "300") : List.of("-E"));
        for (String kind : List.of("status", "state", "event", "cmd-result")) {
            command.addAll(List.of("-t", "seatlink/v1/" + FloorRig.SITE + "/" + FloorRig.FLOOR + "/+/" + kind));
        }
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(
                work.resolve("mosquitto_sub.log").toFile())).start();
    }

    private Drain drainSubscriber(URI url) throws IOException, InterruptedException {
        Process sub = drainer(url, true);
        AtomicLong first = new AtomicLong();
        long count = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(sub.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (count < events && (line = in.readLine()) != null) {
                int space = line.indexOf(' ');
                if (space > 0 && line.substring(0, space).endsWith("/event")) {
                    first.compareAndSet(0, System.nanoTime());
                    count++;
                }
            }
        } finally {
            sub.destroy();
        }
        return new Drain(count, first.get(), System.nanoTime(), 0, 0);
    }

    private Drain drainGateway(FloorRig rig, String brokerUrl) throws IOException, InterruptedException {
        long start = System.nanoTime();
        rig.startGateway(brokerUrl, seats);
        long first = 0;
        long stored = 0;
        double peakHeap = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            stored = (long) rig.metric("seatlink_store_new_events_total");
            long applied = (long) rig.metric("seatlink_events_applied_total");
            peakHeap = Math.max(peakHeap, rig.metric("jvm_memory_heap_used_bytes"));
            if (first == 0 && stored > 0) {
                first = System.nanoTime();
            }
            if (stored >= events && applied >= events) {
                break;
            }
            Thread.sleep(SAMPLE_MS);
        }
        long last = System.nanoTime();
        if (Files.readString(work.resolve("gateway.log")).contains("OutOfMemoryError")) {
            peakHeap = Double.POSITIVE_INFINITY;
        }
        return new Drain(stored, first, last, (first - start) / 1e9, peakHeap);
    }

    private void awaitLog(String text, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.readString(work.resolve("gateway.log")).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the gateway did not log '" + text + "' within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }
}
