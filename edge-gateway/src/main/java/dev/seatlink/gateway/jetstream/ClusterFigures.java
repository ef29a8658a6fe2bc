package dev.seatlink.gateway.jetstream;

import java.util.List;
import java.util.Map;

/**
 * The cluster as this floor's gateway last read it.
 *
 * @param readAt           when (gateway clock); 0 = never, or no {@code --nats-monitor} given
 * @param nodes            each node read, in the order given
 * @param streams          the MQTT streams (messages, retained, sessions) as their most advanced replica shows them
 * @param gatewayBacklog   per gateway login of this floor ({@code gateway-a}…), messages queued for its session
 * @param seatBacklog      per seat in the site config with a session, messages queued for it (commands, configs)
 * @param leftoverSessions per seat <em>not</em> in the site config that still has a session, its backlog; at most
 *                         {@link FloorSessions#MAX_LEFTOVERS}
 */
public record ClusterFigures(long readAt, List<Node> nodes, List<NodeReading.Stream> streams,
                             Map<String, Long> gatewayBacklog, Map<String, Long> seatBacklog,
                             Map<String, Long> leftoverSessions) {
    public static final ClusterFigures NONE = new ClusterFigures(0, List.of(), List.of(), Map.of(), Map.of(), Map.of());

    public ClusterFigures {
        nodes = List.copyOf(nodes);
        streams = List.copyOf(streams);
        gatewayBacklog = Map.copyOf(gatewayBacklog);
        seatBacklog = Map.copyOf(seatBacklog);
        leftoverSessions = Map.copyOf(leftoverSessions);
    }

    /** One node: its monitoring URL, why it could not be read (or null), its JetStream storage in use. */
    public record Node(String node, String problem, long storeBytes, long memoryBytes) {
    }

    public boolean known() {
        return readAt > 0;
    }
}
