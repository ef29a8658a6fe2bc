package dev.seatlink.gateway.ingest;

/** One message the broker delivered, not yet acknowledged. */
public interface Delivery {
    String topic();

    byte[] payload();

    /**
     * Whether the broker handed it over as a retained message on subscribing: what a topic last said, not the
     * seat speaking now.
     */
    default boolean retained() {
        return false;
    }

    /** PUBACK: the broker may forget it. Only once it is stored. */
    void acknowledge();
}
