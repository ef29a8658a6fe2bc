package dev.seatlink.gateway.brokerlink;

/** Whether the gateway's broker link is up: for {@code /health}, {@code /metrics} and supervisors' commands. */
public interface LinkHealth {
    boolean isConnected();
}
