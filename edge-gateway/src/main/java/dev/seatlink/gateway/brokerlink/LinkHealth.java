package dev.seatlink.gateway.brokerlink;

/** Whether the gateway's broker link is up: for {@code /health}, {@code /metrics} and supervisors' commands. */
public interface LinkHealth {
    boolean isConnected();

    /** The broker, or the cluster node, the link is on (or trying next): for technicians on /health. */
    String broker();
}
