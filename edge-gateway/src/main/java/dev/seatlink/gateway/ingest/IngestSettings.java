package dev.seatlink.gateway.ingest;

/**
 * The gateway's broker link.
 *
 * @param clientId  {@code {site}.{floor}.gateway}: fixed, so the broker keeps its session while it is down
 * @param gatewayId what the retained {@code gateway} status names
 */
public record IngestSettings(String brokerUrl, String clientId, String gatewayId, String username, char[] password) {
}
