package dev.seatlink.bench;

import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.cluster.NatsNode;
import dev.seatlink.cluster.StablePorts;
import dev.seatlink.gateway.answer.ApiClient;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.gateway.store.StoreException;
import dev.seatlink.protocol.Topic;
import dev.seatlink.simulator.FloorSimulator;
import dev.seatlink.simulator.LoggedSeatTrace;
import dev.seatlink.simulator.Outages;
import dev.seatlink.simulator.SiteFile;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A centre on a 3-node NATS cluster: F floors of S seats, two gateways per floor (each its own JVM), the
 * centre view, and a plain {@code mosquitto_sub} on the same cluster. Measures live ingest per gateway beside
 * {@code mosquitto_sub} (ratio), a seat's raised hand to the duty manager's page (publish → centre SSE, on a page open
 * from before the ingest: {@link CentrePage}) beside the same hand to a QoS 0 {@code mosquitto_sub} on the centre's
 * node ({@link HandWitness}), and
 * for a primary's {@code kill -9} and a node's {@code kill -9}: time until the floor has a primary again /
 * until every gateway stored everything, and events lost or doubled.
 */
final class CenterBench {
    static final String SITE = "bench";
    /** Unacknowledged publishes per floor while publishing flat out (the simulator's window). */
    static final int IN_FLIGHT = 2_000;
    /** The seats' trace in the run's directory, with {@code --trace-seats}. */
    static final String SEAT_TRACE = "seats.trace";
    /** A gateway's sequence gaps opened, closed, and replays it asked for them. */
    private static final List<String> GAP_METRICS = List.of("seatlink_gaps_opened_total", "seatlink_gaps_filled_total",
            "seatlink_replays_sent_total");

    private final int floors;
    private final int seats;
    private final int seconds;
    /** The gateways' {@code --reorder-timeout-ms}: how long a gap is waited for before its replay is asked. */
    private final long reorderTimeoutMs;
    /** Whether each floor's seats trace their links ({@link SeatTraceFile}, {@value #SEAT_TRACE}). */
    private final boolean traceSeats;
    private final Path work;
    private final Path gatewayJar;
    private final Path centreJar;
    /** HTTP/1.1, as browsers and curl speak to a gateway and the centre view over plain HTTP. */
    private final HttpClient http = ApiClient.toGateway();
    private final List<Process> processes = new ArrayList<>();

    CenterBench(int floors, int seats, int seconds, long reorderTimeoutMs, boolean traceSeats, Path work, Path root) {
        this.floors = floors;
        this.seats = seats;
        this.seconds = seconds;
        this.reorderTimeoutMs = reorderTimeoutMs;
        this.traceSeats = traceSeats;
        this.work = work;
        this.gatewayJar = root.resolve("edge-gateway/target/edge-gateway.jar");
        this.centreJar = root.resolve("centre/target/centre.jar");
    }

    /** One gateway of a floor: its command line, its JVM and HTTP port. */
    private record Gateway(String floor, String instance, List<String> command, Process process, int port) {
    }

    void run() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        List<FloorSimulator> sims = new ArrayList<>();
        // the primary kill puts a new JVM in its victim's place, which the primary watch reads from another thread
        List<Gateway> gateways = new CopyOnWriteArrayList<>();
        Process sub = null;
        HandWitness witness = null;
        HandWitness centreLike = null;
        PrimaryWatch primaries = null;
        CentrePage page = null;
        try (NatsCluster cluster = NatsCluster.start(work.resolve("cluster"), 3, Duration.ofSeconds(60))) {
            String brokers = cluster.brokerList();
            StringBuilder centreFloors = new StringBuilder();
            for (int f = 1; f <= floors; f++) {
                String floor = "f" + f;
                Path site = work.resolve(floor + ".json");
                Files.writeString(site, SiteFile.json(SITE, floor, seats));
                for (String instance : List.of("a", "b")) {
                    gateways.add(startGateway(brokers, cluster.natsList(), floor, instance, site));
                }
                centreFloors.append(f > 1 ? "," : "").append("{\"site\":\"").append(SITE).append("\",\"floor\":\"")
                        .append(floor).append("\"}");
            }
            for (Gateway gateway : gateways) {
                awaitRole(gateway, null, Duration.ofSeconds(120));
            }
            Map<String, List<Integer>> pairs = new java.util.TreeMap<>();
            for (int i = 0; i < gateways.size(); i++) {
                pairs.computeIfAbsent(gateways.get(i).floor(), floor -> new ArrayList<>()).add(i);
            }
            primaries = new PrimaryWatch(pairs, i -> gateways.get(i).process().isAlive() ? role(gateways.get(i))
                    : "dead");
            Path centreFile = work.resolve("centre.json");
            Files.writeString(centreFile, "{\"centre\":\"bench\",\"floors\":[" + centreFloors + "]}");
            int centrePort = StablePorts.next();
            start(work.resolve("centre.log"), "java", "-Xmx256m", "-jar", centreJar.toString(), "--broker", brokers,
                    "--center-config", centreFile.toString(), "--http-port", String.valueOf(centrePort));
            URI node1 = URI.create(cluster.node(0).mqttUrl());
            AtomicLong subReceived = new AtomicLong();
            sub = new ProcessBuilder("mosquitto_sub", "-h", node1.getHost(), "-p", String.valueOf(node1.getPort()),
                    "-q", "1", "-t", "seatlink/v1/" + SITE + "/+/+/event").start();
            count(sub, subReceived);
            for (int f = 1; f <= floors; f++) {
                FloorSimulator sim = new FloorSimulator(vertx, FloorSimulator.Settings.plain(brokers, SITE, "f" + f,
                        seats, 1));
                if (traceSeats) {
                    sim.traceTo(new LoggedSeatTrace("f" + f));
                }
                sim.connectAllWithin(Duration.ofMinutes(5));
                sims.add(sim);
            }
            Thread.sleep(5_000); // statuses, states and the roll call in

            Table table = new Table("center — " + floors + " floors × " + seats + " seats, two gateways each, "
                    + "3-node NATS " + natsVersion() + ", reorder timeout " + reorderTimeoutMs + " ms");
            // subscribed as the centre is, through the ingest as the centre is: its backlog, if the cluster makes one
            URI centreNode = centreNode(work.resolve("centre.log"), node1);
            centreLike = HandWitness.start(centreNode, SITE, true);
            page = CentrePage.open(http, centrePort); // as a duty manager's, open from before the ingest
            Duration firstView = page.firstView(Duration.ofSeconds(30));
            phase(table, "ingest", () -> ingest(table, sims, gateways, subReceived));
            witness = HandWitness.start(centreNode, SITE, false);
            HandWitness eventsOnly = witness;
            HandWitness asTheCentre = centreLike;
            CentrePage openPage = page;
            phase(table, "centre latency", () -> centreLatency(table, sims, gateways, openPage, eventsOnly,
                    asTheCentre));
            table.row("the page, opened before the ingest as the centre's first HTTP request: its first view after",
                    firstView == null ? "none within 30 s" : String.format("%,d ms", firstView.toMillis()), "");
            phase(table, "primary kill", () -> primaryKill(table, sims, gateways));
            phase(table, "node kill", () -> nodeKill(table, cluster, sims, gateways));
            long[] nodeErrors = nodeLogLines(cluster, "timeout for request type \"MS\"",
                    "Unable to add JetStream consumer");
            table.row("seats, whole run: events replayed / stalled subscriptions made again", String.format("%,d / %,d",
                    sum(sims, FloorSimulator::replayed), sum(sims, FloorSimulator::stalls)), "")
                    .row("nodes, whole run: publishes JetStream did not store in 4 s (their clients closed) / "
                            + "subscriptions it could not make",
                            String.format("%,d / %,d", nodeErrors[0], nodeErrors[1]), "");
            primaries.close();
            table.row("floors with two primaries at once / with none (each gateway's /health every "
                    + PrimaryWatch.PERIOD_MS + " ms, whole run)", primaries.summary(), "two: 0");
            table.note("ratios and times from one run on this machine (2 cores shared by the cluster, "
                    + gateways.size() + " gateways, the centre view and the seats)");
            if (traceSeats) {
                table.note("what each seat did on its link: " + work.resolve(SEAT_TRACE));
            }
            table.print(System.out);
        } finally {
            for (FloorSimulator sim : sims) {
                sim.close();
            }
            if (sub != null) {
                sub.destroy();
            }
            if (witness != null) {
                witness.close();
            }
            if (centreLike != null) {
                centreLike.close();
            }
            if (primaries != null) {
                primaries.close();
            }
            if (page != null) {
                page.close();
            }
            for (Process process : processes) {
                process.destroy();
                process.waitFor(15, TimeUnit.SECONDS);
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** One measurement; a failure is a row of the table, so the others' figures are still printed. */
    private interface Phase {
        void run() throws Exception;
    }

    private static void phase(Table table, String name, Phase phase) {
        try {
            phase.run();
        } catch (Exception | AssertionError e) {
            table.row(name + ": FAILED", String.valueOf(e.getMessage()), "");
        }
    }

    /** Every floor publishes flat out for the set seconds; each gateway's stored rate beside mosquitto_sub's. */
    private void ingest(Table table, List<FloorSimulator> sims, List<Gateway> gateways, AtomicLong subReceived)
            throws Exception {
        Map<Gateway, Long> before = new ConcurrentHashMap<>();
        for (Gateway gateway : gateways) {
            before.put(gateway, (long) metric(gateway, "seatlink_store_new_events_total"));
        }
        long subBefore = subReceived.get();
        long[] ackBase = sims.stream().mapToLong(s -> s.acknowledged() - s.sent()).toArray();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            boolean stepped = false;
            for (int f = 0; f < sims.size(); f++) {
                FloorSimulator sim = sims.get(f);
                if (sim.sent() - (sim.acknowledged() - ackBase[f]) < IN_FLIGHT) {
                    sim.step();
                    stepped = true;
                }
            }
            if (!stepped) {
                Thread.onSpinWait();
            }
        }
        double window = (System.nanoTime() - start) / 1e9;
        double subPerFloor = (subReceived.get() - subBefore) / (double) floors / window;
        double worst = Double.MAX_VALUE;
        double best = 0;
        for (Gateway gateway : gateways) {
            double rate = (metric(gateway, "seatlink_store_new_events_total") - before.get(gateway)) / window;
            worst = Math.min(worst, rate);
            best = Math.max(best, rate);
        }
        long sent = sims.stream().mapToLong(FloorSimulator::sent).sum();
        table.row("seats published (all floors)", String.format("%,d events (%.0f/s)", sent, sent / window), "")
                .row("mosquitto_sub on the cluster, per floor", String.format("%.0f/s", subPerFloor), "")
                .row("gateway stored per gateway (worst / best)", String.format("%.0f / %.0f /s", worst, best), "")
                .row("worst gateway / mosquitto_sub per floor", String.format("%.2f", worst / Math.max(1, subPerFloor)),
                        "≥ 0.8");
        awaitStored(sims, gateways, Duration.ofSeconds(180));
    }

    /**
     * A raised hand on each floor in turn, timed from the publish to the centre page's stream showing it — the seat's
     * own event shows it — and to the page showing it as its floor's summary lists it (with the team to take it); beside
     * both witnesses' times for the same hand: the seats' events alone, and all the centre subscribes to.
     */
    private void centreLatency(Table table, List<FloorSimulator> sims, List<Gateway> gateways, CentrePage page,
                               HandWitness witness, HandWitness centreLike) throws Exception {
        Map<String, Long> raisedEpoch = new ConcurrentHashMap<>();
        // One more transition per seat lowers the hands raised while publishing flat out (about 3 % rise again),
        // so each floor's summary lists every raised hand (at most 100 are listed) and the timed ones with them.
        // Timed once every gateway has stored that burst: a fixed 3 s was too short here, and the first hands then
        // waited behind the burst's stores (runs 18, 19, 22 and 25 of 2026-12-03: the first hand the slowest).
        for (int i = 0; i < seats; i++) {
            sims.forEach(sim -> sim.step());
        }
        awaitStored(sims, gateways, Duration.ofSeconds(60));
        Thread.sleep(1_000);
        int samples = 60;
        List<String> shown = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            FloorSimulator sim = sims.get(i % sims.size());
            String seat = FloorSimulator.seatId(1 + (i * 37) % seats);
            String key = "\"floorKey\":\"" + SITE + "/f" + (1 + i % sims.size()) + "\",\"floorName\":\"" + SITE + " f"
                    + (1 + i % sims.size()) + "\",\"seat\":\"" + seat + "\"";
            String withTeam = key + ",\"team\":\""; // the summary's entry; the seat's own has "team":null
            long raised = System.nanoTime();
            raisedEpoch.put(key, System.currentTimeMillis());
            page.await(key, raised);
            page.await(withTeam, raised);
            shown.add(key);
            listed.add(withTeam);
            labels.add(String.format("f%d %s raised at %s", 1 + i % sims.size(), seat, java.time.LocalTime.now()));
            String topic = Topic.seat(SITE, "f" + (1 + i % sims.size()), seat, Topic.Kind.EVENT).toString();
            topics.add(topic);
            sim.hand(seat, true, (s, q) -> {
                seqs.add(q);
                witness.await(topic, q, raised);
                centreLike.await(topic, q, raised);
            });
            // held until the summary lists it too (as an agent waits for help), else a lowered hand that overtook a
            // slow summary would leave it unseen and out of the percentiles; at least 500 ms, at most 5 s
            while (System.nanoTime() - raised < TimeUnit.SECONDS.toNanos(5) && (page.latency(withTeam) == null
                    || System.nanoTime() - raised < TimeUnit.MILLISECONDS.toNanos(500))) {
                Thread.sleep(10);
            }
            sim.hand(seat, false);
            page.forget(key);
            page.forget(withTeam);
            Thread.sleep(200);
        }
        Thread.sleep(1_000);
        List<Long> toWitness = new ArrayList<>();
        List<Long> toCentreLike = new ArrayList<>();
        for (int i = 0; i < samples; i++) { // which hands were late, to set beside the gateways' logs
            Long shownAfter = page.latency(shown.get(i));
            Long listedAfter = page.latency(listed.get(i));
            Long witnessed = witness.latency(topics.get(i), seqs.get(i));
            if (witnessed != null) {
                toWitness.add(witnessed);
            }
            Long likeTheCentre = centreLike.latency(topics.get(i), seqs.get(i));
            if (likeTheCentre != null) {
                toCentreLike.add(likeTheCentre);
            }
            if (shownAfter == null || listedAfter == null
                    || Math.max(shownAfter, listedAfter) > TimeUnit.SECONDS.toNanos(1)) {
                Long pushed = page.viewMadeAt(shown.get(i));
                System.out.printf("hand %s: mosquitto_sub %s (subscribed as the centre: %s), page %s (in the centre's "
                        + "view %s), listed by the summary %s%n", labels.get(i), shownAfter(witnessed),
                        shownAfter(likeTheCentre), shownAfter(shownAfter),
                        pushed == null ? "unknown" : (pushed - raisedEpoch.get(shown.get(i))) + " ms after",
                        shownAfter(listedAfter));
            }
        }
        handRow(table, "raised hand → centre page", shown, page);
        handRow(table, "raised hand → centre page, listed by its floor's summary", listed, page);
        handRow(table, "the same hand → mosquitto_sub QoS 0 on the centre's node (the cluster alone)",
                toWitness.stream().mapToLong(Long::longValue).toArray(), samples, "");
        handRow(table, "the same hand → mosquitto_sub subscribed as the centre is, since before the ingest",
                toCentreLike.stream().mapToLong(Long::longValue).toArray(), samples, "");
    }

    private static String shownAfter(Long nanos) {
        return nanos == null ? "not seen" : ms(nanos) + " ms";
    }

    /** The node the centre view says it watches from (its log), so the witness sees what it sees; else node 1. */
    private static URI centreNode(Path centreLog, URI fallback) throws IOException, InterruptedException {
        Pattern watching = Pattern.compile("watching \\d+ floors on (\\S+) as ");
        for (int i = 0; i < 100; i++) {
            if (Files.exists(centreLog)) {
                Matcher found = watching.matcher(Files.readString(centreLog, StandardCharsets.UTF_8));
                if (found.find()) {
                    return URI.create(found.group(1));
                }
            }
            Thread.sleep(100);
        }
        return fallback;
    }

    /** p50 / p99 / max of the hands' latencies; one not seen in 5 s makes p99 "> 5000" (p99 of 60 is the slowest). */
    private static void handRow(Table table, String label, List<String> hands, CentrePage page) {
        handRow(table, label + " (p50 / p99 / max)", hands.stream().map(page::latency)
                .filter(java.util.Objects::nonNull).mapToLong(Long::longValue).toArray(), hands.size(), "p99 ≤ 1 s");
    }

    private static void handRow(Table table, String label, long[] seen, int hands, String target) {
        if (seen.length == 0) {
            table.row(label, "none of " + hands + " seen within 5 s", target);
            return;
        }
        Percentiles p = new Percentiles(seen);
        boolean allSeen = seen.length == hands;
        table.row(label, String.format("%d / %s / %s ms (%d of %d seen)", ms(p.at(50)),
                allSeen ? ms(p.at(99)) : "> 5000", allSeen ? ms(p.max()) : "> 5000", seen.length, hands), target);
    }

    /**
     * The primary of floor 1 is killed under load: time until its standby is primary; events lost / doubled. Then it is
     * started again, as a box's systemd unit does (Restart=on-failure), so that the floor has its pair again for the
     * node kill: when it is standby and has stored everything.
     */
    private void primaryKill(Table table, List<FloorSimulator> sims, List<Gateway> gateways) throws Exception {
        Gateway primary = gateways.stream().filter(g -> g.floor().equals("f1") && "primary".equals(role(g)))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "not run: neither of f1's gateways said it was primary when the kill was due"));
        Gateway standby = gateways.stream().filter(g -> g.floor().equals("f1") && g != primary).findFirst().orElseThrow();
        double dupBefore = metric(standby, "seatlink_events_duplicate_total");
        AtomicLong killed = new AtomicLong();
        AtomicReference<Duration> tookOver = new AtomicReference<>();
        // The standby's /health every 100 ms from the kill on, beside the burst: the takeover as it happens, not
        // bounded by when the burst ends (runs 1-50 printed "≤" the burst's remaining 8-9 s).
        Thread watch = new Thread(() -> {
            try {
                while (killed.get() == 0) {
                    Thread.sleep(10);
                }
                tookOver.set(awaitRole(standby, "primary", Duration.ofSeconds(60)));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "standby-watch");
        watch.setDaemon(true);
        watch.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int step = 0;
        Gateway restarted = null;
        while (System.nanoTime() < end) {
            sims.forEach(sim -> sim.step());
            if (++step == 100) {
                primary.process().destroyForcibly();
                killed.set(System.nanoTime());
            }
            if (restarted == null && tookOver.get() != null) {
                restarted = restartInPlace(primary, gateways);
            }
            Thread.sleep(10);
        }
        watch.join(TimeUnit.SECONDS.toMillis(60));
        watch.interrupt();
        Duration takeover = tookOver.get(); // null: not primary within 60 s
        long standbyTakeover = takeover == null ? 0 : takeover.toMillis();
        if (restarted == null) {
            restarted = restartInPlace(primary, gateways);
        }
        awaitStored(sims, List.of(standby), Duration.ofSeconds(120));
        long lost = sims.get(0).sent() - (long) storedCount(standby);
        table.row("primary kill -9: standby primary after (its /health every 100 ms)", takeover == null
                        ? "not within 60 s" : String.format("%,d ms", standbyTakeover), "≤ 10 s")
                .row("primary kill -9: events lost / doubled (deliveries dropped as duplicates)",
                        String.format("%d / 0 stored twice (%.0f duplicate deliveries)", lost,
                                metric(standby, "seatlink_events_duplicate_total") - dupBefore), "0 / 0");
        Duration role = awaitRole(restarted, null, Duration.ofSeconds(60));
        String roleThen = role == null ? "no answer within 60 s" : role(restarted);
        Duration whole = awaitStored(sims, List.of(restarted), Duration.ofSeconds(120));
        table.row("primary kill -9: the killed gateway started again once its standby was primary: role / whole / "
                + "events lost", String.format("%s / %s after the kill / %d", roleThen, whole == null
                ? "not within 120 s" : String.format("%.1f s", (System.nanoTime() - killed.get()) / 1e9),
                Math.max(0, sims.get(0).sent() - (long) storedCount(restarted))), "standby / – / 0");
    }

    /**
     * A killed gateway started again in its place in {@code gateways} (a box's systemd unit restarts it 2 s after a
     * kill; here once its standby is primary, so that the takeover is timed alone).
     */
    private Gateway restartInPlace(Gateway dead, List<Gateway> gateways) throws Exception {
        dead.process().waitFor(10, TimeUnit.SECONDS);
        // as it was, on its port, store and session
        Gateway restarted = new Gateway(dead.floor(), dead.instance(), dead.command(),
                start(gatewayLog(dead.floor(), dead.instance()), dead.command()), dead.port());
        gateways.set(gateways.indexOf(dead), restarted);
        return restarted;
    }

    /** The node most gateways are on is killed under load: time until every gateway stored all; lost / doubled. */
    private void nodeKill(Table table, NatsCluster cluster, List<FloorSimulator> sims, List<Gateway> gateways)
            throws Exception {
        Map<String, Integer> onNode = new HashMap<>();
        Map<Gateway, String> nodeOf = new HashMap<>();
        for (Gateway gateway : gateways) {
            nodeOf.put(gateway, health(gateway).replaceAll(".*\"brokerNode\":\"([^\"]+)\".*", "$1"));
            onNode.merge(nodeOf.get(gateway), 1, Integer::sum);
        }
        String busiest = onNode.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        NatsNode node = cluster.nodes().stream().filter(n -> n.mqttUrl().equals(busiest)).findFirst().orElseThrow();
        sims.forEach(FloorSimulator::takeOutages); // count from the kill
        double[] gapsBefore = gapFigures(gateways);
        long rebirthsBefore = sum(sims, FloorSimulator::rebirths);
        long replayedBefore = sum(sims, FloorSimulator::replayed);
        long killed = 0;
        LocalDateTime killedAt = null; // the nodes' logs are in the host's local time
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        int step = 0;
        while (System.nanoTime() < end) {
            sims.forEach(sim -> sim.step());
            if (++step == 100) {
                node.kill();
                killed = System.nanoTime();
                killedAt = LocalDateTime.now();
            }
            Thread.sleep(10);
        }
        Map<Gateway, Long> wholeAt = new HashMap<>();
        Duration whole = awaitStored(sims, gateways, Duration.ofSeconds(180), wholeAt);
        long sinceKill = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        double[] gaps = gapFigures(gateways);
        long rebirths = sum(sims, FloorSimulator::rebirths) - rebirthsBefore;
        long replayed = sum(sims, FloorSimulator::replayed) - replayedBefore;
        long lost = 0;
        for (Gateway gateway : gateways) {
            lost += Math.max(0, sims.get(floorIndex(gateway)).sent() - (long) storedCount(gateway));
        }
        List<Outages.Summary> outages = sims.stream().map(FloorSimulator::takeOutages).toList();
        String leadersTaken = killedAt == null ? "not read: the node was not killed"
                : StreamLeaders.describe(newLeaders(cluster, killedAt, LocalDateTime.now()));
        node.start();
        table.row("node kill -9 (" + onNode.get(busiest) + " gateways on it): every store whole after",
                        whole == null ? "not within 180 s" : String.format("%d ms", sinceKill), "≤ 15 s")
                .row("node kill -9: events lost / stored twice", lost + " / 0", "0 / 0")
                .row("node kill -9: seat connections lost / back (longest outage)", String.format("%d / %d (%,d ms)",
                        outages.stream().mapToLong(Outages.Summary::lost).sum(),
                        outages.stream().mapToLong(Outages.Summary::back).sum(),
                        outages.stream().mapToLong(Outages.Summary::longestMs).max().orElse(0)), "")
                .row("node kill -9: rebirths the seats answered (either gateway's asks) / events they replayed, until "
                        + "whole", String.format("%,d / %,d", rebirths, replayed), "")
                .row("node kill -9: gaps opened / closed / replays asked (all gateways, until whole; reorder timeout "
                        + reorderTimeoutMs + " ms)", String.format("%,.0f / %,.0f / %,.0f", gaps[0] - gapsBefore[0],
                        gaps[1] - gapsBefore[1], gaps[2] - gapsBefore[2]), "")
                .row("node kill -9: each gateway whole after (* was on the killed node)", wholeAfter(gateways,
                        wholeAt, killed, gateway -> nodeOf.get(gateway).equals(busiest)), "")
                .row("node kill -9: MQTT streams whose leader it was (new leader elected after)", leadersTaken, "");
    }

    /** The MQTT streams the nodes' logs say had a new leader elected between the two times. */
    private static Map<String, Duration> newLeaders(NatsCluster cluster, LocalDateTime from, LocalDateTime until) {
        try (Stream<String> lines = nodeLogs(cluster)) {
            return StreamLeaders.electedBetween(lines, from, until);
        }
    }

    /** Sequence gaps the gateways opened, closed (by the events arriving, in time or replayed), replays they asked. */
    private double[] gapFigures(List<Gateway> gateways) throws IOException, InterruptedException {
        double[] figures = new double[GAP_METRICS.size()];
        for (Gateway gateway : gateways) {
            double[] its = metrics(gateway, GAP_METRICS);
            for (int i = 0; i < figures.length; i++) {
                figures[i] += its[i];
            }
        }
        return figures;
    }

    /** What the floors' seats counted so far, all floors together. */
    private static long sum(List<FloorSimulator> sims, ToLongFunction<FloorSimulator> count) {
        return sims.stream().mapToLong(count).sum();
    }

    /** "f1-a 4.1 s*, f1-b 9.8 s, …" by floor and instance; "–" for one never seen whole. */
    private static String wholeAfter(List<Gateway> gateways, Map<Gateway, Long> wholeAt, long killed,
                                     Predicate<Gateway> onKilledNode) {
        return gateways.stream()
                .sorted(Comparator.comparing(Gateway::floor).thenComparing(Gateway::instance))
                .map(gateway -> gateway.floor() + "-" + gateway.instance() + " " + (wholeAt.containsKey(gateway)
                        ? String.format("%.1f s", (wholeAt.get(gateway) - killed) / 1e9) : "–")
                        + (onKilledNode.test(gateway) ? "*" : ""))
                .collect(Collectors.joining(", "));
    }

    /** Per text, the lines of the nodes' logs that contain it (each log read once). */
    private static long[] nodeLogLines(NatsCluster cluster, String... texts) {
        long[] lines = new long[texts.length];
        try (Stream<String> log = nodeLogs(cluster)) {
            log.forEach(line -> {
                for (int i = 0; i < texts.length; i++) {
                    if (line.contains(texts[i])) {
                        lines[i]++;
                    }
                }
            });
        }
        return lines;
    }

    /** Every line of every node's log, node after node; each log is opened when reached and closed when read. */
    private static Stream<String> nodeLogs(NatsCluster cluster) {
        return cluster.nodes().stream().flatMap(node -> {
            try {
                return Files.lines(node.log(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Until every gateway's store holds every event its floor's seats made; null when it did not in time. */
    private Duration awaitStored(List<FloorSimulator> sims, List<Gateway> gateways, Duration within) throws Exception {
        return awaitStored(sims, gateways, within, new HashMap<>());
    }

    /** As above, noting in {@code wholeAt} when each gateway was first seen whole (nanoTime). */
    private Duration awaitStored(List<FloorSimulator> sims, List<Gateway> gateways, Duration within,
                                 Map<Gateway, Long> wholeAt) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < within.toNanos()) {
            boolean whole = true;
            for (Gateway gateway : gateways) {
                boolean stored = storedCount(gateway) >= sims.get(floorIndex(gateway)).sent();
                if (stored) {
                    wholeAt.putIfAbsent(gateway, System.nanoTime());
                }
                whole &= stored;
            }
            if (whole) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(250);
        }
        return null;
    }

    private static int floorIndex(Gateway gateway) {
        return Integer.parseInt(gateway.floor().substring(1)) - 1;
    }

    private double storedCount(Gateway gateway) {
        try {
            return EventStore.count(work.resolve(gateway.floor() + "-" + gateway.instance()));
        } catch (StoreException e) {
            return -1;
        }
    }

    private Gateway startGateway(String brokers, String nats, String floor, String instance, Path site)
            throws IOException {
        int port = StablePorts.next();
        // its temp files in the run's directory: the one killed by -9 leaves SQLite's library and Vert.x's cache there
        Path tmp = Files.createDirectories(work.resolve("tmp-" + floor + "-" + instance));
        List<String> command = List.of("java", "-Xmx256m", "-Djava.io.tmpdir=" + tmp, "-jar", gatewayJar.toString(),
                "--broker", brokers, "--nats", nats, "--instance", instance,
                "--reorder-timeout-ms", String.valueOf(reorderTimeoutMs), "--site-config", site.toString(),
                "--http-port", String.valueOf(port), "--data-dir", work.resolve(floor + "-" + instance).toString());
        return new Gateway(floor, instance, command, start(gatewayLog(floor, instance), command), port);
    }

    private Path gatewayLog(String floor, String instance) {
        return work.resolve("gateway-" + floor + "-" + instance + ".log");
    }

    private Process start(Path log, String... command) throws IOException {
        return start(log, List.of(command));
    }

    private Process start(Path log, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        processes.add(process);
        return process;
    }

    /** Waits until the gateway answers with a role ({@code want} null: any); how long it took, null if never. */
    private Duration awaitRole(Gateway gateway, String want, Duration within) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < within.toNanos()) {
            String role = role(gateway);
            if (role != null && (want == null || want.equals(role))) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        }
        return null;
    }

    private String role(Gateway gateway) {
        String body = health(gateway);
        int at = body.indexOf("\"role\":\"");
        return at < 0 ? null : body.substring(at + 8, body.indexOf('"', at + 8));
    }

    private String health(Gateway gateway) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private double metric(Gateway gateway, String name) throws IOException, InterruptedException {
        return metrics(gateway, List.of(name))[0];
    }

    /** The gateway's figures of these names, from one read of its {@code /metrics} (0 for a name not there). */
    private double[] metrics(Gateway gateway, List<String> names) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        double[] figures = new double[names.size()];
        boolean[] found = new boolean[names.size()];
        for (String line : body.split("\n")) {
            for (int i = 0; i < figures.length; i++) {
                if (!found[i] && line.startsWith(names.get(i) + " ")) {
                    figures[i] = Double.parseDouble(line.substring(names.get(i).length() + 1).trim());
                    found[i] = true;
                }
            }
        }
        return figures;
    }

    private static void count(Process sub, AtomicLong received) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(sub.getInputStream(), StandardCharsets.UTF_8))) {
                while (in.readLine() != null) {
                    received.incrementAndGet();
                }
            } catch (IOException ended) {
                // mosquitto_sub stopped
            }
        }, "mosquitto_sub-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static String natsVersion() {
        try {
            Process version = new ProcessBuilder("nats-server", "--version").redirectErrorStream(true).start();
            return new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "nats-server";
        }
    }
}
