package dev.seatlink.gateway.access;

import dev.seatlink.gateway.jetstream.NatsSubjects;
import dev.seatlink.gateway.lease.NatsLeaseStore;
import dev.seatlink.gateway.natsclient.MqttStoreGate;
import dev.seatlink.gateway.natsclient.NatsClient;
import dev.seatlink.gateway.natsclient.SessionConsumers;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.link.TopicFilter;
import dev.seatlink.protocol.ClientId;
import dev.seatlink.protocol.Topic;
import java.util.List;

/**
 * Who may do what on a floor's broker, as a Mosquitto ACL file. A terminal writes only its own
 * {@code status}, {@code state}, {@code event}, {@code cmd-result}, {@code badge} and {@code probe}, and reads only
 * its own topics ({@code …/{seat}/+}) and the floor's {@code gateway}; only the gateway
 * writes {@code config}, {@code cmd}, {@code call}, {@code summary} and {@code gateway}, and it reads the whole floor.
 * The phone system's login ({@code {site}.{floor}.cti}) writes the floor's {@code cti} topic and nothing else.
 * The monitor login ({@code {site}.{floor}.monitor}) reads the whole floor and writes nothing: for a
 * technician's {@code mosquitto_sub}, which must not take a seat's or the gateway's client id.
 * Usernames equal the MQTT client ids ({@code {site}.{floor}.{seat}}, {@code {site}.{floor}.gateway}, and
 * {@code …gateway-a} / {@code …gateway-b} for a floor's pair on a cluster); Mosquitto binds each login to its
 * own client id. The same grants are written for NATS as an authorization block ({@link #natsUsers}).
 */
public final class AccessRules {
    private AccessRules() {
    }

    /** The floor's gateway logins: the only one, and the two of a pair. */
    public static List<String> gatewayUsers(SiteConfig map) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of((String) null), ClientId.PAIR.stream())
                .map(instance -> ClientId.gateway(map.site(), map.floor(), instance)).toList();
    }

    public static String monitorUser(SiteConfig map) {
        return ClientId.monitor(map.site(), map.floor());
    }

    public static String ctiUser(SiteConfig map) {
        return ClientId.cti(map.site(), map.floor());
    }

    private static String ctiTopic(SiteConfig map) {
        return Topic.floor(map.site(), map.floor(), Topic.Kind.CTI).toString();
    }

    public static String seatUser(SiteConfig map, String seat) {
        return ClientId.seat(map.site(), map.floor(), seat);
    }

    private static String root(SiteConfig map) {
        return Topic.PREFIX + map.site() + "/" + map.floor() + "/";
    }

    /** The topics a seat may publish to. */
    static List<String> seatWrites(SiteConfig map, String seat) {
        return List.of(Topic.Kind.STATUS, Topic.Kind.STATE, Topic.Kind.EVENT, Topic.Kind.CMD_RESULT,
                        Topic.Kind.BADGE, Topic.Kind.PROBE).stream()
                .map(kind -> Topic.seat(map.site(), map.floor(), seat, kind).toString()).toList();
    }

    /**
     * The filters a seat may subscribe to: its own topics (config, commands, phone events, its own status; also what
     * it publishes itself, which is how it probes the subscription) and the floor's gateway.
     */
    static List<String> seatReads(SiteConfig map, String seat) {
        return List.of(Topic.oneSeat(map.site(), map.floor(), seat),
                Topic.floor(map.site(), map.floor(), Topic.Kind.GATEWAY).toString());
    }

    /** Whether {@code user} may publish to, or (with {@code write} false) subscribe to, {@code topic}. */
    public static boolean allows(SiteConfig map, String user, String topic, boolean write) {
        if (gatewayUsers(map).contains(user)) {
            return topic.startsWith(root(map));
        }
        if (monitorUser(map).equals(user)) {
            return !write && topic.startsWith(root(map));
        }
        if (ctiUser(map).equals(user)) {
            return write && topic.equals(ctiTopic(map));
        }
        String prefix = ClientId.prefix(map.site(), map.floor());
        if (user == null || !user.startsWith(prefix)) {
            return false;
        }
        String seat = user.substring(prefix.length());
        if (map.seat(seat).isEmpty()) {
            return false;
        }
        if (write) {
            return seatWrites(map, seat).contains(topic);
        }
        // a filter the grant covers: the grant itself, or topics (and +-filters) within it; a # only as granted
        return seatReads(map, seat).stream().anyMatch(granted -> granted.equals(topic)
                || !topic.contains("#") && TopicFilter.matches(granted, topic));
    }

    /** The ACL file text for the whole floor (Mosquitto syntax). */
    public static String acl(SiteConfig map) {
        StringBuilder acl = new StringBuilder("# SeatLink ACL for ").append(map.site()).append('/').append(map.floor())
                .append(", generated from the seat map; regenerate rather than edit.\n\n");
        for (String gateway : gatewayUsers(map)) {
            acl.append("user ").append(gateway).append('\n').append("topic readwrite ").append(root(map)).append("#\n\n");
        }
        acl.append("user ").append(monitorUser(map)).append('\n')
                .append("topic read ").append(root(map)).append("#\n\n");
        acl.append("user ").append(ctiUser(map)).append('\n')
                .append("topic write ").append(ctiTopic(map)).append("\n\n");
        for (SeatSpec seat : map.seats()) {
            acl.append("user ").append(seatUser(map, seat.seat())).append('\n');
            seatWrites(map, seat.seat()).forEach(topic -> acl.append("topic write ").append(topic).append('\n'));
            seatReads(map, seat.seat()).forEach(topic -> acl.append("topic read ").append(topic).append('\n'));
            acl.append('\n');
        }
        return acl.toString();
    }

    /**
     * The same grants for NATS's MQTT listener: per login, the subjects (a topic's {@code /} is NATS's {@code .},
     * {@code #} its {@code >}) it may publish and subscribe to, and MQTT as its only way in. A gateway's login also
     * comes in through the NATS client, to keep its floor's lease, to ask whether the cluster can take its MQTT
     * session and whether its subscriptions' consumers live (read-only JetStream questions). Each hash is the login's
     * bcrypt hash.
     */
    public static String natsUsers(SiteConfig map, java.util.function.Function<String, String> hashOf) {
        StringBuilder conf = new StringBuilder("# SeatLink NATS authorization for ").append(map.site()).append('/')
                .append(map.floor()).append(", generated from the seat map; regenerate rather than edit.\n")
                .append("# Include it in each node's config: authorization { users = [ ... ] } lists every floor's.\n");
        String floor = NatsSubjects.of(root(map) + "#");
        List<String> gatewayPublishes = java.util.stream.Stream.of(List.of(floor),
                NatsLeaseStore.subjectsToPublish(map.site(), map.floor()), MqttStoreGate.subjectsToPublish(),
                SessionConsumers.subjectsToPublish())
                .flatMap(List::stream).toList();
        for (String gateway : gatewayUsers(map)) {
            conf.append(natsUser(gateway, hashOf.apply(gateway), gatewayPublishes,
                    List.of(floor, NatsClient.inboxPrefix(gateway) + ".>"), MQTT_AND_NATS_CLIENT));
        }
        conf.append(natsUser(monitorUser(map), hashOf.apply(monitorUser(map)), List.of(), List.of(floor), MQTT_ONLY));
        conf.append(natsUser(ctiUser(map), hashOf.apply(ctiUser(map)), List.of(NatsSubjects.of(ctiTopic(map))),
                List.of(), MQTT_ONLY));
        for (SeatSpec seat : map.seats()) {
            String user = seatUser(map, seat.seat());
            conf.append(natsUser(user, hashOf.apply(user), seatWrites(map, seat.seat()).stream().map(NatsSubjects::of)
                    .toList(), seatReads(map, seat.seat()).stream().map(NatsSubjects::of).toList(), MQTT_ONLY));
        }
        return conf.toString();
    }

    /**
     * The centre view's login for a cluster: it reads each of the centre's floors' {@code summary}, {@code gateway}
     * lease and seats' {@code event}s (raised hands), and writes nothing. One login for all the floors, as a floor's
     * own logins reach only that floor.
     */
    public static String natsCentreUser(CentreScope centre, String hash) {
        List<String> reads = centre.floors().stream().flatMap(floor -> java.util.stream.Stream.of(
                        Topic.floor(floor.site(), floor.floor(), Topic.Kind.SUMMARY).toString(),
                        Topic.floor(floor.site(), floor.floor(), Topic.Kind.GATEWAY).toString(),
                        Topic.allSeats(floor.site(), floor.floor(), Topic.Kind.EVENT)))
                .map(NatsSubjects::of).distinct().toList();
        return "# SeatLink NATS authorization for the centre view of " + centre.name()
                + "; regenerate rather than edit.\n" + natsUser(centre.user(), hash, List.of(), reads, MQTT_ONLY);
    }

    /**
     * A QoS 1 subscription is a JetStream consumer delivering on {@code $MQTT.sub.<id>}: every MQTT login needs
     * that to subscribe at all.
     */
    static final String NATS_MQTT_DELIVERY = "$MQTT.sub.>";

    private static final String MQTT_ONLY = "\"MQTT\"";
    private static final String MQTT_AND_NATS_CLIENT = "\"MQTT\", \"STANDARD\"";

    /**
     * One login: MQTT its only way in ({@code connectionTypes}), but for a gateway, which also keeps its floor's lease
     * through the NATS client.
     */
    private static String natsUser(String user, String hash, List<String> publish, List<String> subscribe,
                                   String connectionTypes) {
        subscribe = java.util.stream.Stream.concat(subscribe.stream(), java.util.stream.Stream.of(NATS_MQTT_DELIVERY))
                .toList();
        return "{user: \"" + user + "\", password: \"" + hash + "\", allowed_connection_types: [" + connectionTypes + "], "
                + "permissions: {publish: {" + (publish.isEmpty() ? "deny: [\">\"]" : "allow: " + quoted(publish))
                + "}, subscribe: {allow: " + quoted(subscribe) + "}}}\n";
    }

    private static String quoted(List<String> subjects) {
        return subjects.stream().map(s -> "\"" + s + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
