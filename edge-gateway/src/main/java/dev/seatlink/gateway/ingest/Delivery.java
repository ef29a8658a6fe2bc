package dev.seatlink.gateway.ingest;

/** One message the broker delivered, not yet acknowledged. */
public interface Delivery {
    String topic();

    byte[] payload();

    /** PUBACK: the broker may forget it. Only once it is stored. */
    void acknowledge();
}
