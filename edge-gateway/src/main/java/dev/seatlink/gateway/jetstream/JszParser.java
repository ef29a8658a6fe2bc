package dev.seatlink.gateway.jetstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a node's {@code /jsz?consumers=true&config=true} answer. Pure. The answer grows with the sessions (about
 * 700 bytes a consumer, two or three per seat): {@link #MAX_BYTES} bounds what one node may make the gateway hold.
 */
final class JszParser {
    /** Room for some 40,000 consumers: a centre's floors of 2,500 seats share the nodes. */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(MAX_BYTES).build()).build());

    NodeReading parse(String node, InputStream body) throws IOException {
        JsonNode jsz = json.readTree(body);
        if (jsz == null || !jsz.isObject()) {
            throw new IOException("not a JSON object");
        }
        List<NodeReading.Stream> streams = new ArrayList<>();
        List<NodeReading.Consumer> consumers = new ArrayList<>();
        for (JsonNode account : jsz.path("account_details")) {
            for (JsonNode stream : account.path("stream_detail")) {
                String name = stream.path("name").asText();
                JsonNode state = stream.path("state");
                streams.add(new NodeReading.Stream(name, state.path("messages").asLong(), state.path("bytes").asLong()));
                for (JsonNode consumer : stream.path("consumer_detail")) {
                    consumers.add(new NodeReading.Consumer(name, consumer.path("name").asText(),
                            consumer.path("config").path("filter_subject").asText(""),
                            consumer.path("num_pending").asLong(), consumer.path("num_ack_pending").asLong(),
                            consumer.path("delivered").path("stream_seq").asLong()));
                }
            }
        }
        return new NodeReading(node, null, jsz.path("storage").asLong(), jsz.path("memory").asLong(), streams, consumers);
    }
}
