package dev.seatlink.gateway.natsclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads the nodes' JetStream API answers that say whether an MQTT session can be made now: each returns why not, or
 * empty when nothing stands in the way.
 */
final class JetStreamAnswers {
    /** "JetStream system temporarily unavailable": the asked node knows of no meta leader. */
    static final int CLUSTER_NOT_AVAILABLE = 10008;
    /** "stream is offline": none of the stream's nodes is up. */
    static final int STREAM_OFFLINE = 10118;
    private static final ObjectMapper JSON = new ObjectMapper();

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
