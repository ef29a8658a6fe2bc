package dev.seatlink.centre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** What a test's NATS node says on its monitoring port: the MQTT subscriptions' consumers, a client's subjects. */
final class NodeMonitoring {
    private final String monitorUrl;

    NodeMonitoring(String monitorUrl) {
        this.monitorUrl = monitorUrl;
    }

    /** The filter subject of every consumer on the MQTT message stream (one per QoS 1 subscription). */
    List<String> consumerFilters() throws Exception {
        List<String> filters = new ArrayList<>();
        for (JsonNode account : read("/jsz?accounts=true&streams=true&consumers=true&config=true")
                .path("account_details")) {
            for (JsonNode stream : account.path("stream_detail")) {
                if (stream.path("name").asText().equals("$MQTT_msgs")) {
                    stream.path("consumer_detail").forEach(consumer ->
                            filters.add(consumer.path("config").path("filter_subject").asText()));
                }
            }
        }
        return filters;
    }

    /** The subjects the MQTT client {@code clientId}'s connection subscribes to. */
    List<String> subjectsOf(String clientId) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (JsonNode connection : read("/connz?subs=1").path("connections")) {
            if (connection.path("mqtt_client").asText().equals(clientId)) {
                connection.path("subscriptions_list").forEach(subject -> subjects.add(subject.asText()));
            }
        }
        return subjects;
    }

    private JsonNode read(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(monitorUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
