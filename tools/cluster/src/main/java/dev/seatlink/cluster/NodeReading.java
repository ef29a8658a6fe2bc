package dev.seatlink.cluster;

/**
 * What one node's monitoring port said: {@code answered} false when it did not answer at all; {@code healthz} its
 * status ("ok", or the error it gave); {@code metaLeader} the JetStream meta leader it names ("" none); its JetStream
 * storage and memory in use against their limits; its client connections.
 */
record NodeReading(String url, String name, boolean answered, String healthz, String metaLeader, long storage,
                   long maxStorage, long memory, long maxMemory, long connections) {
    static NodeReading silent(MonitoredNode node) {
        return new NodeReading(node.monitorUrl(), node.name(), false, "no answer", "", 0, 0, 0, 0, 0);
    }

    boolean ok() {
        return answered && "ok".equals(healthz);
    }
}
