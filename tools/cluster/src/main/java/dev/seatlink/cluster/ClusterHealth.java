package dev.seatlink.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a cluster can take clients: every running node's {@code /healthz} is ok (with JetStream that means
 * its streams are current) and the running nodes name the same JetStream meta leader, one of them.
 */
final class ClusterHealth {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<NatsNode> nodes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    ClusterHealth(List<NatsNode> nodes) {
        this.nodes = nodes;
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

    private void await(Duration within, String healthz) {
        long deadline = System.nanoTime() + within.toNanos();
        String problem = "not checked yet";
        while (System.nanoTime() < deadline) {
            problem = problem(healthz);
            if (problem == null) {
                return;
            }
            NatsCluster.sleep(100);
        }
        throw new ClusterException("the cluster is not healthy after " + within.toSeconds() + " s: " + problem
                + " (node logs: " + nodes.get(0).log().getParent().getParent() + "/n*/nats.log)");
    }

    /** What is wrong now, or null when the cluster is healthy by {@code healthz}. */
    String problem(String healthz) {
        Set<String> leaders = new HashSet<>();
        Set<String> running = new HashSet<>();
        for (NatsNode node : nodes) {
            if (!node.isRunning()) {
                continue;
            }
            running.add(node.name());
            JsonNode answer = get(node, healthz);
            if (answer == null || !"ok".equals(answer.path("status").asText())) {
                return node.name() + " " + healthz + " is not ok" + (answer == null ? " (no answer)" : ": " + answer);
            }
            if (nodes.size() > 1) {
                JsonNode jsz = get(node, "/jsz");
                String leader = jsz == null ? "" : jsz.path("meta_cluster").path("leader").asText("");
                if (leader.isEmpty()) {
                    return node.name() + " knows no JetStream meta leader";
                }
                leaders.add(leader);
            }
        }
        if (running.isEmpty()) {
            return "no node is running";
        }
        if (leaders.size() > 1) {
            return "the nodes name different meta leaders " + leaders;
        }
        // right after a node's death the others still name it until they miss its heartbeats and elect anew
        return leaders.isEmpty() || running.containsAll(leaders) ? null : "the meta leader " + leaders + " is not running";
    }

    String metaLeader() {
        for (NatsNode node : nodes) {
            if (node.isRunning()) {
                JsonNode jsz = get(node, "/jsz");
                if (jsz != null) {
                    return jsz.path("meta_cluster").path("leader").asText("");
                }
            }
        }
        return "";
    }

    private JsonNode get(NatsNode node, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.monitorUrl() + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted");
        }
    }
}
