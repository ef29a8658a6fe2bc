package dev.seatlink.gateway.natsclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.gateway.jetstream.NatsSubjects;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the nodes' JetStream API answers: whether an MQTT session can be made now (each returns why not, or empty when
 * nothing stands in the way), which consumers an MQTT session's subscriptions have, and whether one still lives.
 */
final class JetStreamAnswers {
    /** "JetStream system temporarily unavailable": the asked node knows of no meta leader. */
    static final int CLUSTER_NOT_AVAILABLE = 10008;
    /** "stream is offline": none of the stream's nodes is up. */
    static final int STREAM_OFFLINE = 10118;
    /** "consumer not found". */
    static final int CONSUMER_NOT_FOUND = 10014;
    /** "consumer is offline": none of the consumer's nodes is up, as far as the meta leader knows. */
    static final int CONSUMER_OFFLINE = 10119;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an answer to {@code $JS.API.CONSUMER.INFO} says of the consumer. */
    enum Consumer {
        /** Its leader answered. */
        LIVE,
        /** The cluster says it has none, or none of its nodes is up. */
        GONE,
        /** Another error (the cluster electing, say): nothing either way. */
        UNSURE
    }

    private JetStreamAnswers() {
    }

    /**
     * An answer to {@code $JS.API.INFO}: only the meta leader gives one without an error, and a node that knows of no
     * leader says so. Any other error (JetStream off for the account) is not something waiting mends.
     */
    static Optional<String> metaLeader(byte[] answer) {
        JsonNode tree = parse(answer);
        return tree == null ? Optional.of("an unreadable answer about JetStream's meta leader")
                : unavailable(tree, "JetStream's meta leader");
    }

    /**
     * An answer to {@code $JS.API.STREAM.INFO.<stream>}: the stream's leader gives it naming itself; while the stream
     * elects one, its members give it naming none. A stream not made yet is made by the first MQTT connect, and an
     * answer without cluster is a lone server's.
     */
    static Optional<String> streamLeader(byte[] answer, String stream) {
        JsonNode tree = parse(answer);
        if (tree == null) {
            return Optional.of("an unreadable answer about " + stream);
        }
        JsonNode cluster = tree.path("cluster"); // its "leader" left out while there is none
        return unavailable(tree, stream).or(() -> cluster.isMissingNode() || !cluster.path("leader").asText().isEmpty()
                ? Optional.empty() : Optional.of(stream + " has no leader yet"));
    }

    /**
     * An answer to {@code $JS.API.STREAM.MSG.GET.$MQTT_sess} for a session's record: per subject one of its
     * subscriptions is on, the consumer NATS made for it ({@code cons}: a subscription's subject, a {@code #}
     * filter's parent too, each to its consumer config). Empty when the answer holds no record it can read (an error:
     * no such session, or no leader to ask).
     */
    static Optional<Map<String, String>> sessionConsumers(byte[] answer) {
        JsonNode tree = parse(answer);
        String data = tree == null ? "" : tree.path("message").path("data").asText();
        JsonNode session;
        try {
            session = data.isEmpty() ? null : JSON.readTree(Base64.getDecoder().decode(data));
        } catch (IOException | IllegalArgumentException e) {
            session = null;
        }
        if (session == null || !session.isObject()) {
            return Optional.empty();
        }
        Map<String, String> consumers = new LinkedHashMap<>();
        session.path("cons").forEach(config -> {
            String filter = config.path("filter_subject").asText();
            String durable = config.path("durable_name").asText();
            if (filter.startsWith(NatsSubjects.MQTT_MESSAGES) && !durable.isEmpty()) {
                consumers.put(filter.substring(NatsSubjects.MQTT_MESSAGES.length()), durable);
            }
        });
        return Optional.of(consumers);
    }

    /**
     * An answer to {@code $JS.API.CONSUMER.INFO.<stream>.<consumer>}, for a consumer named by the session's record as
     * just read ({@code current}) or as read before: one unknown then may have been replaced since, not died.
     */
    static Consumer consumer(byte[] answer, boolean current) {
        JsonNode tree = parse(answer);
        if (tree == null) {
            return Consumer.UNSURE;
        }
        int code = tree.path("error").path("err_code").asInt(0);
        if (code == CONSUMER_OFFLINE || code == CONSUMER_NOT_FOUND && current) {
            return Consumer.GONE;
        }
        return tree.has("error") || !tree.has("name") ? Consumer.UNSURE : Consumer.LIVE;
    }

    private static Optional<String> unavailable(JsonNode tree, String what) {
        int code = tree.path("error").path("err_code").asInt(0);
        return code == CLUSTER_NOT_AVAILABLE || code == STREAM_OFFLINE
                ? Optional.of(what + ": " + tree.path("error").path("description").asText()) : Optional.empty();
    }

    private static JsonNode parse(byte[] answer) {
        try {
            JsonNode tree = JSON.readTree(answer);
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException e) {
            return null;
        }
    }
}
