package dev.seatlink.centre.failover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.cluster.NatsNode;
import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.gateway.jetstream.HttpNodeMonitor;
import dev.seatlink.gateway.jetstream.NatsSubjects;
import dev.seatlink.gateway.jetstream.SessionHash;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.gateway.store.StoreException;
import dev.seatlink.gateway.store.StoredEvent;
import dev.seatlink.gateway.testing.ChildJvm;
import dev.seatlink.gateway.testing.FloorChecks;
import dev.seatlink.gateway.testing.FreePorts;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.PostgresServer;
import dev.seatlink.gateway.testing.TestCredentials;
import dev.seatlink.protocol.ClientId;
import dev.seatlink.protocol.Topic;
import dev.seatlink.simulator.FloorSimulator;
import dev.seatlink.simulator.SiteFile;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One floor on a test's cluster: two gateways (a, b), each its own JVM so it can be killed, and a simulated
 * floor of seats that answers replay and rebirth; with the checks every failover test ends on.
 */
final class ClusterFloor implements AutoCloseable {
    static final String SITE = "hq";
    static final String MANAGER = SiteFile.MANAGER;
    /** The seats probe a quiet subscription after this (a terminal's default is a minute: tests are shorter). */
    static final long LINK_CHECK_MS = 5_000;

    private final NatsCluster cluster;
    private final Path dir;
    private final String floor;
    private final Path siteFile;
    private final Gateway[] gateways = new Gateway[2];
    private final Vertx vertx = Vertx.vertx();
    private final FloorSimulator seats;
    private final String managerPassword;
    private final java.util.Set<String> dead = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Both gateways copy to this centre store (jdbc URL, login {@code PostgresServer.USER}), or null. */
    private String centralStore;

    /** A gateway of the pair: its JVM (replaced on restart), its port and data. */
    static final class Gateway {
        final String instance;
        final int port;
        final Path dataDir;
        final Path log;
        ChildJvm jvm;

        Gateway(String instance, int port, Path dataDir, Path log) {
            this.instance = instance;
            this.port = port;
            this.dataDir = dataDir;
            this.log = log;
        }

        Http http() {
            return new Http(port);
        }

        JsonNode health() {
            return http().json("/health");
        }

        String role() {
            return health().path("gateway").path("role").asText();
        }

        /** Whether the broker granted all its subscriptions: from then on it hears what the seats send. */
        boolean subscribed() {
            return "GRANTED".equals(health().path("subscriptions").asText());
        }

        /** How many of its subscriptions the gateway found stalled and made again, from its /metrics. */
        long stalls() {
            return counter("seatlink_subscriptions_stalled_total");
        }

        /** How many asks of seats (replay, rebirth) the gateway sent through its NATS client, from its /metrics. */
        long asksOverNats() {
            return counter("seatlink_asks_over_nats_total");
        }

        private long counter(String name) {
            return http().get("/metrics").body().lines().filter(l -> l.startsWith(name + " "))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1))).sum();
        }

        /** Events in the gateway's store (read beside the running gateway: SQLite lets a reader in). */
        long stored() {
            try {
                return EventStore.count(dataDir);
            } catch (StoreException e) {
                return -1; // not yet created, or busy past the timeout: asked again
            }
        }
    }

    ClusterFloor(NatsCluster cluster, Path dir, String floor, int seatCount) throws Exception {
        this.cluster = cluster;
        this.dir = dir;
        this.floor = floor;
        Files.createDirectories(dir);
        this.siteFile = dir.resolve("site.json");
        Files.writeString(siteFile, SiteFile.json(SITE, floor, seatCount));
        CredentialFiles secrets = new CredentialFiles(dir.resolve("secrets"), TestCredentials.BCRYPT_COST);
        secrets.supervisor(MANAGER);
        managerPassword = Files.readAllLines(dir.resolve("secrets/supervisors/" + MANAGER + ".credentials")).get(1)
                .substring("password=".length());
        gateways[0] = new Gateway("a", FreePorts.next(), dir.resolve("a"), dir.resolve("gateway-a.log"));
        gateways[1] = new Gateway("b", FreePorts.next(), dir.resolve("b"), dir.resolve("gateway-b.log"));
        seats = new FloorSimulator(vertx, FloorSimulator.Settings.plain(cluster.brokerList(), SITE, floor, seatCount, 1)
                .checkingLinksEvery(LINK_CHECK_MS));
    }

    Gateway a() {
        return gateways[0];
    }

    Gateway b() {
        return gateways[1];
    }

    FloorSimulator seats() {
        return seats;
    }

    String managerPassword() {
        return managerPassword;
    }

    /** From now on, gateways (re)started copy their events to this centre store. */
    void copyTo(String jdbcUrl) {
        centralStore = jdbcUrl;
    }

    /** Starts (or restarts) a gateway's JVM with the same data directory. */
    void start(Gateway gateway) {
        List<String> args = new ArrayList<>(List.of("--broker", cluster.brokerList(), "--nats", cluster.natsList(),
                "--instance", gateway.instance,
                "--http-port", String.valueOf(gateway.port), "--data-dir", gateway.dataDir.toString(),
                "--site-config", siteFile.toString(), "--users-file", dir.resolve("secrets/supervisors.passwd").toString()));
        if (centralStore != null) {
            args.addAll(List.of("--central-store", centralStore, "--central-store-user", PostgresServer.USER));
        }
        gateway.jvm = ChildJvm.start("dev.seatlink.gateway.GatewayMain", gateway.log, args.toArray(String[]::new));
    }

    /** Each seat's events in the centre store, as seq lists; empty while it cannot be read. */
    Map<String, List<Long>> centralSeqs() {
        Map<String, List<Long>> seqs = new java.util.TreeMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(centralStore, PostgresServer.USER, "");
             java.sql.PreparedStatement s = c.prepareStatement(
                     "SELECT seat, seq FROM events WHERE site = ? AND floor = ? ORDER BY seat, seq")) {
            s.setString(1, SITE);
            s.setString(2, floor);
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    seqs.computeIfAbsent(r.getString(1), seat -> new ArrayList<>()).add(r.getLong(2));
                }
            }
        } catch (java.sql.SQLException e) {
            return Map.of();
        }
        return seqs;
    }

    /** Whether the centre store holds each seat's events exactly once, 1..n, as the gateways' stores must. */
    boolean centralStoreWhole() {
        Map<String, List<Long>> stored = centralSeqs();
        Map<String, Long> least = expectedLastSeqs();
        Map<String, Long> most = seats.lastSeqs();
        return most.keySet().stream().allMatch(seat -> holdsOneToN(stored.getOrDefault(seat, List.of()),
                least.get(seat), most.get(seat)));
    }

    /**
     * Whether a store's seqs of a seat are 1..n with {@code least <= n <= most}: a live seat's n is its last event;
     * a dead seat's anywhere from its last acknowledged one to its last sent, as the broker may have taken an event
     * whose acknowledgement died with the seat.
     */
    private static boolean holdsOneToN(List<Long> seqs, long least, long most) {
        long n = seqs.size();
        return n >= least && n <= most && seqs.equals(java.util.stream.LongStream.rangeClosed(1, n).boxed().toList());
    }

    void connectSeats() throws Exception {
        seats.connectAllWithin(Duration.ofMinutes(2));
    }

    /** {@code count} transitions over all seats, {@code perSecond} a second, on this thread. */
    void burst(int count, int perSecond) throws InterruptedException {
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            seats.step();
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    /** The cluster node a gateway's link is on now, from its /health. */
    NatsNode nodeOf(Gateway gateway) {
        String url = gateway.health().path("brokerNode").asText();
        return cluster.nodes().stream().filter(node -> node.mqttUrl().equals(url)).findFirst()
                .orElseThrow(() -> new AssertionError(gateway.instance + " is on no node of the cluster: " + url));
    }

    /**
     * The running node holding a gateway's subscription to the seats' events (its JetStream consumer, on one node),
     * read from the nodes' monitoring; null while no node shows it.
     */
    NatsNode nodeHoldingEventsOf(Gateway gateway) {
        String hash = SessionHash.of(ClientId.gateway(SITE, floor, gateway.instance));
        String subject = "$MQTT.msgs." + NatsSubjects.of(Topic.allSeats(SITE, floor, Topic.Kind.EVENT));
        HttpNodeMonitor monitor = new HttpNodeMonitor();
        return cluster.nodes().stream().filter(NatsNode::isRunning)
                .filter(node -> monitor.read(node.monitorUrl()).consumers().stream()
                        .anyMatch(c -> c.name().startsWith(hash + "_") && c.filterSubject().equals(subject)))
                .findFirst().orElse(null);
    }

    /**
     * Whether both gateways stored every event the seats made and the broker acknowledged — all of them, and of a
     * dead seat's last ones, which died with it unacknowledged (its journal would send them on restart), those the
     * broker took before it died.
     */
    boolean bothStoredEverything() {
        long least = expectedLastSeqs().values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> last = seats.lastSeqs();
        long most = last.values().stream().mapToLong(Long::longValue).sum();
        long unackedAlive = last.keySet().stream().filter(seat -> !dead.contains(seat))
                .mapToLong(seats::unacknowledged).sum();
        return unackedAlive == 0 && java.util.Arrays.stream(gateways)
                .allMatch(g -> g.stored() >= least && g.stored() <= most);
    }

    /** The seat dies with whatever it had not yet got acknowledged. */
    void kill(String seat) {
        dead.add(seat);
        seats.die(seat);
    }

    /** Each seat's events the stores must hold, 1..n: a dead seat's at least up to its last acknowledged one. */
    private Map<String, Long> expectedLastSeqs() {
        Map<String, Long> last = new java.util.LinkedHashMap<>(seats.lastSeqs());
        dead.forEach(seat -> last.computeIfPresent(seat, (s, seq) -> seq - seats.unacknowledged(seat)));
        return last;
    }

    /** What the floor stands at, for a failed wait's message. */
    String describe() {
        StringBuilder text = new StringBuilder("seats sent " + seats.sent() + ", unacknowledged " + seats.unacknowledged()
                + ", replayed " + seats.replayed() + ", rebirths " + seats.rebirths() + ", reconnects " + seats.reconnects()
                + ", stalled subscriptions made again " + seats.stalls());
        for (Gateway gateway : gateways) {
            String stored;
            try {
                stored = gateway.stored() + " stored, " + gateway.role() + " on " + gateway.health().path("brokerNode")
                        + behind(gateway);
            } catch (RuntimeException e) {
                stored = "not answering: " + e;
            }
            text.append("; gateway ").append(gateway.instance).append(": ").append(stored);
        }
        List<String> waiting = seats.lastSeqs().keySet().stream().filter(seat -> seats.unacknowledged(seat) > 0)
                .limit(5).map(seat -> seat + " " + seats.unacknowledged(seat) + " (" + seats.link(seat) + ")").toList();
        if (!waiting.isEmpty()) {
            text.append("; seats with unacknowledged events: ").append(waiting);
        }
        return text.toString();
    }

    /** The first seats whose stored events are not 1..n (seat: the seqs missing / n), to name what is missing. */
    private String behind(Gateway gateway) {
        List<String> behind = new ArrayList<>();
        Http http = new Http(gateway.port, MANAGER, managerPassword);
        for (Map.Entry<String, Long> seat : expectedLastSeqs().entrySet()) {
            if (behind.size() == 5) {
                break;
            }
            List<Long> stored = FloorChecks.storedSeqs(http, seat.getKey());
            List<Long> missing = java.util.stream.LongStream.rangeClosed(1, seat.getValue()).boxed()
                    .filter(seq -> !stored.contains(seq)).limit(5).toList();
            if (!missing.isEmpty()) {
                behind.add(seat.getKey() + (dead.contains(seat.getKey()) ? " (dead)" : "") + ": " + missing + " / "
                        + seat.getValue());
            }
        }
        return behind.isEmpty() ? "" : ", missing " + behind;
    }

    /** Stops both gateways, then checks each store holds every seat's events exactly once: seq 1..n. */
    void assertEveryStoreHoldsOneToN() {
        Map<String, Long> least = expectedLastSeqs();
        Map<String, Long> most = seats.lastSeqs();
        for (Gateway gateway : gateways) {
            gateway.jvm.close();
            try (EventStore store = EventStore.open(gateway.dataDir)) {
                for (String seat : least.keySet()) {
                    List<Long> seqs = new ArrayList<>();
                    store.events(seat, 0, Integer.MAX_VALUE).forEach(stored -> seqs.add(seqOf(stored)));
                    assertThat(holdsOneToN(seqs, least.get(seat), most.get(seat))).as(
                            "gateway %s, seat %s holds %s: 1..n, n from %d to %d", gateway.instance, seat, seqs,
                            least.get(seat), most.get(seat)).isTrue();
                }
            }
        }
    }

    private static long seqOf(StoredEvent stored) {
        return stored.event().seq();
    }

    @Override
    public void close() {
        seats.close();
        for (Gateway gateway : gateways) {
            if (gateway.jvm != null) {
                gateway.jvm.close();
            }
        }
        vertx.close();
    }
}
