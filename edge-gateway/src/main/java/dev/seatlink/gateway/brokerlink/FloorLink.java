package dev.seatlink.gateway.brokerlink;

import io.vertx.core.Future;

/** What the floor's lease needs of the broker link: whether it is up, and publishing on the floor's topics. */
public interface FloorLink {
    boolean isConnected();

    /** A QoS 1 publish; fails at once while the link is down. */
    Future<Integer> publish(String topic, byte[] payload, boolean retained);

    /** A QoS 1 publish, completed once the broker acknowledged it; failed if the link drops first. */
    Future<Void> publishAcknowledged(String topic, byte[] payload, boolean retained);

    /** A probe through the floor's topics: the lease hears it back ({@link BrokerLink.Listener#probeCameBack}). */
    void probeFloorTopics();

    /**
     * A probe through the floor's topics, completed once the broker acknowledged it — on a cluster, proof that it
     * stores this gateway's publishes again; failed if the link drops first or no acknowledgement came in
     * {@code timeoutMs}.
     */
    Future<Void> probeAcknowledged(long timeoutMs);
}
