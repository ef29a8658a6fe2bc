package dev.seatlink.centre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.cluster.NatsCluster;
import dev.seatlink.cluster.NatsNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a test cluster's nodes say on their monitoring ports, all nodes together: the MQTT subscriptions' consumers
 * (each on the node NATS placed it on) and a client's subjects (on the node it is connected to).
 */
final class NodeMonitoring {
    private final List<String> monitorUrls;

    NodeMonitoring(NatsCluster cluster) {
        this.monitorUrls = cluster.nodes().stream().map(NatsNode::monitorUrl).toList();
    }

    /** The filter subject of every consumer on the MQTT message stream (one per QoS 1 subscription). */
    Set<String> consumerFilters() throws Exception {
        Set<String> filters = new TreeSet<>();
        for (JsonNode node : read("/jsz?accounts=true&streams=true&consumers=true&config=true")) {
            for (JsonNode account : node.path("account_details")) {
                for (JsonNode stream : account.path("stream_detail")) {
                    if (stream.path("name").asText().equals("$MQTT_msgs")) {
                        stream.path("consumer_detail").forEach(consumer ->
                                filters.add(consumer.path("config").path("filter_subject").asText()));
                    }
                }
            }
        }
        return filters;
    }

    /** The subjects the MQTT client {@code clientId}'s connection subscribes to. */
    List<String> subjectsOf(String clientId) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (JsonNode node : read("/connz?subs=1")) {
            for (JsonNode connection : node.path("connections")) {
                if (connection.path("mqtt_client").asText().equals(clientId)) {
                    connection.path("subscriptions_list").forEach(subject -> subjects.add(subject.asText()));
                }
            }
        }
        return subjects;
    }

    /** What every node answers to {@code path}. */
    private List<JsonNode> read(String path) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        for (String monitorUrl : monitorUrls) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(monitorUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
            answers.add(new ObjectMapper().readTree(response.body()));
        }
        return answers;
    }
}
