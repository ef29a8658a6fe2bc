package dev.seatlink.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether a cluster can take clients: every running node's {@code /healthz} is ok (with JetStream that means
 * its streams are current) and the running nodes name the same JetStream meta leader, one of them. Reads the
 * nodes' monitoring ports; {@link #verdict} judges what they said, without I/O.
 */
final class ClusterHealth {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What is read of one answer at most: {@code /healthz}, {@code /varz} and {@code /jsz} without details are a few
     * KiB; a URL that answers without end (a wrong port, a hostile host) must not fill the technician's memory.
     */
    static final int MAX_ANSWER_BYTES = 1 << 20;
    /** How long a node has for its headers, and again for the rest of its answer. */
    private static final Duration ANSWER_TIME = Duration.ofSeconds(2);
    /** A one-off reading's requests to a node that gives no answer, in all, {@value #RETRY_PAUSE_MS} ms apart. */
    static final int ATTEMPTS = 3;
    static final long RETRY_PAUSE_MS = 500;
    /** How often a local cluster just started or restarted is read while it is awaited. */
    private static final long AWAIT_POLL_MS = 100;

    private final List<? extends MonitoredNode> nodes;
    /** Where a technician looks when the cluster stays unhealthy (the nodes' logs). */
    private final String whereToLook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    ClusterHealth(List<? extends MonitoredNode> nodes, String whereToLook) {
        this.nodes = List.copyOf(nodes);
        this.whereToLook = whereToLook;
    }

    void await(Duration within) {
        await(within, "/healthz");
    }

    /**
     * Waits until every running node's JetStream server is up and they agree on a meta leader, without
     * waiting for every stream and consumer on it to be current (under load, one may take minutes).
     */
    void awaitServing(Duration within) {
        await(within, "/healthz?js-server-only=true");
    }

    /**
     * As {@link #await(Duration)} for a cluster just started, whose every node must stay up: returns at once when one
     * has exited (its port taken meanwhile), leaving the caller to say so, instead of waiting for the others to elect
     * a meta leader among themselves for a start that is thrown away (12–33 s in CI).
     */
    void awaitStart(Duration within) {
        List<NodeReading> readings = readUntilHealthy(within, "/healthz", AWAIT_POLL_MS, true);
        if (!aNodeExited()) {
            requireHealthy(readings, within);
        }
    }

    private void await(Duration within, String healthz) {
        requireHealthy(readUntilHealthy(within, healthz, AWAIT_POLL_MS, false), within);
    }

    private void requireHealthy(List<NodeReading> readings, Duration within) {
        String problem = verdict(readings);
        if (problem != null) {
            throw new ClusterException("the cluster is not healthy after " + within.toSeconds() + " s: " + problem
                    + " (" + whereToLook + ")");
        }
    }

    /** Reads the nodes every {@code pollMs} until they are healthy or {@code within} has passed; the last readings. */
    List<NodeReading> readUntilHealthy(Duration within, String healthz, long pollMs) {
        return readUntilHealthy(within, healthz, pollMs, false);
    }

    private List<NodeReading> readUntilHealthy(Duration within, String healthz, long pollMs, boolean starting) {
        long deadline = System.nanoTime() + within.toNanos();
        List<NodeReading> readings = read(healthz, 1);
        while (verdict(readings) != null && System.nanoTime() < deadline && !(starting && aNodeExited())) {
            NatsCluster.sleep(pollMs); // the poll asks a silent node again: no attempts of its own
            readings = read(healthz, 1);
        }
        return readings;
    }

    private boolean aNodeExited() {
        return nodes.stream().anyMatch(node -> !node.isRunning());
    }

    /**
     * What every running node says now (a stopped local node is left out: its silence is no fault). A node that
     * gives no answer (no connection, or none within 2 s) is asked up to {@code attempts} times in all,
     * {@value #RETRY_PAUSE_MS} ms apart, before it counts as silent — for a one-off reading ({@link #ATTEMPTS}): a live
     * node electing JetStream leaders, or on a busy host, can miss one request (seen in CI: a survivor of a node kill
     * reported as silent). One that answers with something other than a node's JSON is not asked again.
     */
    List<NodeReading> read(String healthz, int attempts) {
        List<NodeReading> readings = new ArrayList<>();
        for (MonitoredNode node : nodes) {
            if (node.isRunning()) {
                readings.add(read(node, healthz, attempts));
            }
        }
        return readings;
    }

    private NodeReading read(MonitoredNode node, String healthz, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return readOnce(node, healthz);
            } catch (Unanswered e) {
                if (attempt >= attempts) {
                    return NodeReading.silent(node);
                }
                NatsCluster.sleep(RETRY_PAUSE_MS);
            }
        }
    }

    private NodeReading readOnce(MonitoredNode node, String healthz) {
        JsonNode health = get(node, healthz);
        JsonNode varz = get(node, "/varz");
        JsonNode jsz = get(node, "/jsz");
        if (health == null || varz == null || jsz == null) {
            return NodeReading.silent(node);
        }
        String status = health.path("status").asText("");
        return new NodeReading(node.monitorUrl(), varz.path("server_name").asText(node.name()), true,
                "ok".equals(status) ? status : health.path("error").asText(status),
                jsz.path("meta_cluster").path("leader").asText(""),
                jsz.path("storage").asLong(), jsz.path("config").path("max_storage").asLong(),
                jsz.path("memory").asLong(), jsz.path("config").path("max_memory").asLong(),
                varz.path("connections").asLong());
    }

    /** What is wrong with a cluster whose running nodes said this, or null when it is healthy. */
    static String verdict(List<NodeReading> readings) {
        if (readings.isEmpty()) {
            return "no node is running";
        }
        for (NodeReading node : readings) {
            if (!node.answered()) { // a node gone silent first: it matters more than another's stream catching up
                return node.name() + " is not healthy: " + node.healthz();
            }
        }
        Set<String> leaders = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        for (NodeReading node : readings) {
            if (!node.ok()) {
                return node.name() + " is not healthy: " + node.healthz();
            }
            names.add(node.name());
            if (readings.size() > 1) {
                if (node.metaLeader().isEmpty()) {
                    return node.name() + " knows no JetStream meta leader";
                }
                leaders.add(node.metaLeader());
            }
        }
        if (leaders.size() > 1) {
            return "the nodes name different meta leaders " + leaders;
        }
        // right after a node's death the others still name it until they miss its heartbeats and elect anew
        return names.containsAll(leaders) ? null : "the meta leader " + leaders + " is not running";
    }

    String metaLeader() {
        for (MonitoredNode node : nodes) {
            if (node.isRunning()) {
                JsonNode jsz = get(node, "/jsz");
                if (jsz != null) {
                    return jsz.path("meta_cluster").path("leader").asText("");
                }
            }
        }
        return "";
    }

    /** The answer as JSON, or null when it is not JSON or longer than a node's summary pages ever are. */
    private JsonNode get(MonitoredNode node, String path) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(node.monitorUrl() + path))
                    .timeout(ANSWER_TIME).build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = readWithin(in);
            }
            if (body.length > MAX_ANSWER_BYTES) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                return null;
            }
        } catch (IOException e) {
            throw new Unanswered();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted");
        }
    }

    /**
     * The request's timeout ends at the headers, and the body's stream has none: a node — or whatever answers at that
     * address — that stops mid-answer would hold {@code cluster status --wait}, or a cluster's start, for ever. Closing
     * the stream from another thread ends the read (an IOException: no answer).
     */
    private static byte[] readWithin(InputStream in) throws IOException {
        CompletableFuture<Void> cutOff = CompletableFuture.runAsync(() -> {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all that was wanted
            }
        }, CompletableFuture.delayedExecutor(ANSWER_TIME.toMillis(), TimeUnit.MILLISECONDS));
        try {
            return in.readNBytes(MAX_ANSWER_BYTES + 1);
        } finally {
            cutOff.cancel(false);
        }
    }

    /** A node gave no answer at all (no connection, or none in time): worth asking again. */
    private static final class Unanswered extends RuntimeException {
        Unanswered() {
            super(null, null, false, false);
        }
    }
}
