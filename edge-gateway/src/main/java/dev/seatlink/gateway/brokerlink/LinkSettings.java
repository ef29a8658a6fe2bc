package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.link.BrokerList;
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
 * @param keepAliveSeconds the MQTT keepalive ({@code --keepalive-seconds})
 */
public record LinkSettings(String brokerUrl, String site, String floor, String username, char[] password,
                           Path tlsCaFile, String instance, int keepAliveSeconds) {

    /** The gateway of {@code site}/{@code floor} on {@code brokerUrl}, with the configured login. */
    public static LinkSettings forGateway(GatewayConfig config, String brokerUrl, String site, String floor) {
        String password = config.link().password();
        return new LinkSettings(brokerUrl, site, floor, config.link().username(),
                password == null ? null : password.toCharArray(), config.link().tlsCaFile(), config.link().instance(),
                config.link().keepAliveSeconds());
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

    /** The per-seat kinds the gateway subscribes to on every seat: status, state, events, results, configs, badges. */
    private static final List<Topic.Kind> SEAT_KINDS = List.of(Topic.Kind.STATUS, Topic.Kind.STATE, Topic.Kind.EVENT,
            Topic.Kind.CMD_RESULT, Topic.Kind.CONFIG, Topic.Kind.BADGE);

    /**
     * What the gateway subscribes to, each with the topic its probe goes to ({@link
     * dev.seatlink.link.SubscriptionCheck}): every seat's status, state, event, command result, retained config (so it
     * republishes only those that changed) and badge reads, each probed on the same kind of topic of a "seat" named
     * like this gateway (a reserved name no seat may have); and the floor's own topics in one filter (the lease,
     * phone events, moves, shift records, and the summary it publishes itself), probed on {@code gateway-probe}.
     */
    public java.util.Map<String, String> subscriptions() {
        java.util.Map<String, String> probes = new java.util.LinkedHashMap<>();
        String self = ClientId.gatewayName(instance);
        SEAT_KINDS.forEach(kind -> probes.put(Topic.allSeats(site, floor, kind),
                Topic.seat(site, floor, self, kind).toString()));
        probes.put(Topic.floorTopics(site, floor), Topic.floor(site, floor, Topic.Kind.GATEWAY_PROBE).toString());
        return probes;
    }

    /**
     * The subscriptions whose stall a roll call must mend: events and command results are not kept for a new
     * subscriber, and a status missed may be a seat's death. What the others carry comes back on subscribing again
     * (state, config and the floor's topics are retained) or is the seat's to repeat (a badge tap).
     */
    public java.util.Set<String> mendedByRollCall() {
        return java.util.stream.Stream.of(Topic.Kind.STATUS, Topic.Kind.EVENT, Topic.Kind.CMD_RESULT)
                .map(kind -> Topic.allSeats(site, floor, kind)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Per subscription whose stall a roll call must mend, and the states', its QoS 0 tap: the same filter with
     * {@code /#} after it. MQTT has {@code #} match its parent level too, so the tap carries the same topics, but it
     * is another subscription, and one a NATS node makes at once with no JetStream consumer behind it (what reaches
     * the node is handed over as it arrives) — while the consumer it stands in for may take the cluster a minute to
     * make after a node died. The gateway holds a tap while that consumer is in doubt ({@link BrokerLink}). The
     * states are tapped too though they come again: a state is the only message besides an event that carries a
     * seat's seq, so the roll call's answers show the events missed while the link was down (the last ones a seat
     * sent before it went quiet) only through a live state subscription.
     *
     * <p>None on a single broker: one process holds every subscription, so there is no consumer to stand in for.
     * And Mosquitto 2.0 hands a message that matches two of a client's subscriptions over once, through whichever
     * it meets first: a tap met first took every event at QoS 0, the QoS 1 subscription never delivered, so the
     * tap was never dropped (seen: a floor's events at QoS 0 only and its probes lost for 90 s after a restart).
     */
    public java.util.Map<String, String> taps() {
        if (BrokerList.parse(brokerUrl).size() == 1) {
            return java.util.Map.of();
        }
        return java.util.stream.Stream.concat(mendedByRollCall().stream(),
                        java.util.stream.Stream.of(Topic.allSeats(site, floor, Topic.Kind.STATE)))
                .collect(java.util.stream.Collectors.toUnmodifiableMap(filter -> filter, filter -> filter + "/#"));
    }

    /**
     * What one of a pair also hears, at QoS 0: the commands to every seat, so it can answer its partner's
     * {@code replay} of a seat that cannot itself ({@link dev.seatlink.gateway.partner.PartnerFill}). A floor's only
     * gateway has no partner, and hears none. QoS 0: on NATS no JetStream consumer, and an ask missed is asked again.
     */
    public List<String> partnersAsks() {
        return instance == null ? List.of() : List.of(Topic.allSeats(site, floor, Topic.Kind.CMD));
    }

    /** The probe topics of this floor's gateways, whichever of them publishes: heard, never taken in. */
    public java.util.Set<String> probesOfAnyGateway() {
        java.util.Set<String> probes = new java.util.HashSet<>();
        java.util.stream.Stream.concat(java.util.stream.Stream.of((String) null), ClientId.PAIR.stream())
                .map(ClientId::gatewayName).forEach(name -> SEAT_KINDS.forEach(kind ->
                probes.add(Topic.seat(site, floor, name, kind).toString())));
        probes.add(Topic.floor(site, floor, Topic.Kind.GATEWAY_PROBE).toString());
        return java.util.Set.copyOf(probes);
    }
}
