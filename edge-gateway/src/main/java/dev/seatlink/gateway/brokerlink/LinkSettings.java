package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.protocol.ClientId;
import dev.seatlink.protocol.Topic;
import java.nio.file.Path;
import java.util.List;

/**
 * The gateway's broker link for one floor; its client id, status topic and subscriptions follow from the
 * site and floor.
 *
 * @param brokerUrl one broker, or a comma-separated list of a cluster's nodes
 * @param tlsCaFile PEM CA to trust for ssl://, or null for the JVM's default CAs
 */
public record LinkSettings(String brokerUrl, String site, String floor, String username, char[] password,
                           Path tlsCaFile) {

    /** The gateway of {@code site}/{@code floor} on {@code brokerUrl}, with the configured login. */
    public static LinkSettings forGateway(GatewayConfig config, String brokerUrl, String site, String floor) {
        String password = config.link().password();
        return new LinkSettings(brokerUrl, site, floor, config.link().username(),
                password == null ? null : password.toCharArray(), config.link().tlsCaFile());
    }

    /** {@code {site}.{floor}.gateway}: fixed, so the broker keeps its session while it is down. */
    public String clientId() {
        return ClientId.gateway(site, floor);
    }

    /** What the retained {@code gateway} status names. */
    public String gatewayId() {
        return site + "-" + floor + "-gateway";
    }

    /** Where the gateway's retained status (and its Last Will) goes. */
    public Topic statusTopic() {
        return Topic.floor(site, floor, Topic.Kind.GATEWAY);
    }

    /** What the gateway subscribes to: every seat's status, state, event and command result. */
    public List<String> filters() {
        return List.of(Topic.Kind.STATUS, Topic.Kind.STATE, Topic.Kind.EVENT, Topic.Kind.CMD_RESULT).stream()
                .map(kind -> Topic.allSeats(site, floor, kind)).toList();
    }
}
