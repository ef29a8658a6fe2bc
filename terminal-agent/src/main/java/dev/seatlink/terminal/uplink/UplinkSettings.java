package dev.seatlink.terminal.uplink;

/**
 * How the seat reaches its broker.
 *
 * @param brokerUrl        e.g. {@code tcp://127.0.0.1:1883} or {@code ssl://gw-f1:8883}
 * @param clientId         {@code {site}.{floor}.{seat}}, unique on the broker
 * @param username         broker user, or null for anonymous
 * @param password         broker password, or null
 * @param tlsCaFile        PEM CA to trust for ssl://, or null for the JVM's default CAs
 * @param keepAliveSeconds the broker declares the seat dead after 1.5 × this
 * @param linkCheckSeconds a subscription quiet this long gets a probe ({@link dev.seatlink.link.SubscriptionCheck})
 */
public record UplinkSettings(String brokerUrl, String clientId, String username, char[] password,
                             java.nio.file.Path tlsCaFile, int keepAliveSeconds, int linkCheckSeconds) {
}
