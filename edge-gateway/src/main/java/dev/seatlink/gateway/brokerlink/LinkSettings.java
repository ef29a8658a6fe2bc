package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.protocol.ClientId;
import dev.seatlink.protocol.Topic;
import java.nio.file.Path;
import java.util.List;

/**
 * The gateway's broker link.
 *
 * @param clientId  {@code {site}.{floor}.gateway}: fixed, so the broker keeps its session while it is down
 * @param gatewayId what the retained {@code gateway} status names
 * @param tlsCaFile PEM CA to trust for ssl://, or null for the JVM's default CAs
 */
public record LinkSettings(String brokerUrl, String clientId, String gatewayId, String username, char[] password,
                           Path tlsCaFile) {

    /** The gateway of {@code site}/{@code floor} on {@code brokerUrl}, with the configured login. */
    public static LinkSettings forGateway(GatewayConfig config, String brokerUrl, String site, String floor) {
        return new LinkSettings(brokerUrl, ClientId.gateway(site, floor), site + "-" + floor + "-gateway",
                config.link().username(), config.link().password() == null ? null : config.link().password().toCharArray(),
                config.link().tlsCaFile());
    }

    /** What the gateway subscribes to: every seat's status, state, event and command result. */
    public static List<String> floorFilters(String site, String floor) {
        return List.of(Topic.Kind.STATUS, Topic.Kind.STATE, Topic.Kind.EVENT, Topic.Kind.CMD_RESULT).stream()
                .map(kind -> Topic.allSeats(site, floor, kind)).toList();
    }
}
