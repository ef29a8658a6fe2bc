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
 * @param instance  which of the floor's pair of gateways ({@code a}, {@code b}), or null for a floor's only one
 */
public record LinkSettings(String brokerUrl, String site, String floor, String username, char[] password,
                           Path tlsCaFile, String instance) {

    /** The gateway of {@code site}/{@code floor} on {@code brokerUrl}, with the configured login. */
    public static LinkSettings forGateway(GatewayConfig config, String brokerUrl, String site, String floor) {
        String password = config.link().password();
        return new LinkSettings(brokerUrl, site, floor, config.link().username(),
                password == null ? null : password.toCharArray(), config.link().tlsCaFile(), config.link().instance());
    }

    /**
     * {@code {site}.{floor}.gateway}, or {@code {site}.{floor}.gateway-{instance}} for one of a pair (each its
     * own session): fixed, so the broker keeps its session while it is down.
     */
    public String clientId() {
        return ClientId.gateway(site, floor, instance);
    }

    /** The gateway's login, and TLS for an ssl:// broker, on {@code options}: its own link's and any other it opens. */
    public io.vertx.mqtt.MqttClientOptions login(io.vertx.mqtt.MqttClientOptions options, boolean tls) {
        if (username != null) {
            options.setUsername(username).setPassword(new String(password));
        }
        if (tls) {
            options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
            if (tlsCaFile != null) {
                options.setTrustOptions(new io.vertx.core.net.PemTrustOptions().addCertPath(tlsCaFile.toString()));
            }
        }
        return options;
    }

    /** What the retained {@code gateway} status names: {@code {site}-{floor}-gateway[-{instance}]}. */
    public String gatewayId() {
        return site + "-" + floor + "-" + ClientId.gatewayName(instance);
    }

    /** Where the gateway's retained status (and its Last Will) goes. */
    public Topic statusTopic() {
        return Topic.floor(site, floor, Topic.Kind.GATEWAY);
    }

    /**
     * What the gateway subscribes to: every seat's status, state, event, command result and badge reads; the lease;
     * the floor's phone events; and the
     * retained seat configs (so it republishes only those that changed).
     */
    public List<String> filters() {
        return java.util.stream.Stream.concat(
                java.util.stream.Stream.of(Topic.Kind.STATUS, Topic.Kind.STATE, Topic.Kind.EVENT, Topic.Kind.CMD_RESULT,
                        Topic.Kind.CONFIG, Topic.Kind.BADGE).map(kind -> Topic.allSeats(site, floor, kind)),
                java.util.stream.Stream.of(statusTopic().toString(),
                        Topic.floor(site, floor, Topic.Kind.CTI).toString(),
                        Topic.floor(site, floor, Topic.Kind.MOVES).toString(),
                        Topic.floor(site, floor, Topic.Kind.SHIFT).toString())).toList();
    }
}
