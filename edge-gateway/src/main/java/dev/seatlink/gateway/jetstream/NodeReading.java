package dev.seatlink.gateway.jetstream;

import java.util.List;

/**
 * One node's {@code /jsz?consumers=true&config=true}, as much of it as SeatLink reads.
 *
 * @param node         the monitoring URL it came from
 * @param problem      why the node could not be read, or null; then every figure is zero and the lists empty
 * @param storeBytes   JetStream file storage in use on the node
 * @param memoryBytes  JetStream memory storage in use on the node
 */
public record NodeReading(String node, String problem, long storeBytes, long memoryBytes, List<Stream> streams,
                          List<Consumer> consumers) {

    public NodeReading {
        streams = List.copyOf(streams);
        consumers = List.copyOf(consumers);
    }

    static NodeReading unreachable(String node, String problem) {
        return new NodeReading(node, problem, 0, 0, List.of(), List.of());
    }

    /** A stream as this node sees it (a replica may lag its leader). */
    public record Stream(String name, long messages, long bytes) {
    }

    /**
     * A JetStream consumer: an MQTT session's QoS 1 subscription is one.
     *
     * @param filterSubject the subscription's topic as a NATS subject ({@code $MQTT.msgs.} + the topic, {@code /} as
     *                      {@code .})
     * @param pending       messages not yet delivered to it
     * @param ackPending    messages delivered and not yet acknowledged
     * @param deliveredSeq  the last stream sequence delivered (which of two replicas' views is newer)
     */
    public record Consumer(String stream, String name, String filterSubject, long pending, long ackPending,
                           long deliveredSeq) {
        long backlog() {
            return pending + ackPending;
        }
    }
}
