package dev.seatlink.gateway.brokerlink;

/**
 * Where the gateway's asks of seats go out at most once (QoS 0: a {@code replay} or {@code rebirth} is asked again
 * until answered): the broker link, or on a cluster the NATS client ({@code natsclient.NatsAsks}).
 */
public interface AtMostOnce {
    /** Sends {@code payload} on {@code topic}, or drops it (with a log line) when it cannot go now. */
    void publishAtMostOnce(String topic, byte[] payload);
}
