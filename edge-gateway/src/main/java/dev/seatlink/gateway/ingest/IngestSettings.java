package dev.seatlink.gateway.ingest;

/**
 * The gateway's broker link.
 *
 * @param clientId  {@code {site}.{floor}.gateway}: fixed, so the broker keeps its session while it is down
 * @param gatewayId what the retained {@code gateway} status names
 * @param tlsCaFile PEM CA to trust for ssl://, or null for the JVM's default CAs
 */
public record IngestSettings(String brokerUrl, String clientId, String gatewayId, String username, char[] password,
                             java.nio.file.Path tlsCaFile) {
}
