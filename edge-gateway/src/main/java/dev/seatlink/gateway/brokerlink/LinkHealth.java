package dev.seatlink.gateway.brokerlink;

/** Whether the gateway's broker link is up: for {@code /health}, {@code /metrics} and supervisors' commands. */
public interface LinkHealth {
    boolean isConnected();

    /**
     * Whether the broker granted every subscription on the current connection. Until then (connecting, asking, or
     * making a stalled one again) what seats send may not reach this gateway; a gateway that started meanwhile asks
     * the seats to replay it once it sees the gap.
     */
    boolean isSubscribed();

    /** The broker, or the cluster node, the link is on (or trying next): for technicians on /health. */
    String broker();
}
