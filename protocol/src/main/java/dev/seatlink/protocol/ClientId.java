package dev.seatlink.protocol;

/**
 * The MQTT client ids of a floor, which are also the broker logins: {@code {site}.{floor}.{seat}} for a
 * seat's terminal, {@code {site}.{floor}.gateway} for the floor's gateway (or {@code gateway-a} and
 * {@code gateway-b} for a pair), {@code {site}.{floor}.monitor}
 * for the read-only monitor login and {@code {site}.{floor}.cti} for a phone system's adapter (it writes the floor's
 * {@code cti} topic only). The broker binds each login to its own client id and the ACL grants by
 * it, so this is the one place that spells them.
 */
public final class ClientId {
    public static final String GATEWAY = "gateway";
    public static final String MONITOR = "monitor";
    public static final String CTI = "cti";
    /** The instances of a floor's pair of gateways. */
    public static final java.util.List<String> PAIR = java.util.List.of("a", "b");
    /** A floor's gateway names: the only one's, then the pair's. */
    private static final java.util.List<String> GATEWAYS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of((String) null), PAIR.stream()).map(ClientId::gatewayName).toList();

    private ClientId() {
    }

    public static String seat(String site, String floor, String seat) {
        return prefix(site, floor) + seat;
    }

    public static String gateway(String site, String floor) {
        return prefix(site, floor) + GATEWAY;
    }

    /** One of a floor's pair of gateways ({@code {site}.{floor}.gateway-{instance}}), or the only one (null). */
    public static String gateway(String site, String floor, String instance) {
        return prefix(site, floor) + gatewayName(instance);
    }

    /** {@code gateway}, or {@code gateway-a} / {@code gateway-b} for one of a pair. */
    public static String gatewayName(String instance) {
        if (instance != null && !PAIR.contains(instance)) {
            throw new IllegalArgumentException("a floor's gateways are " + PAIR + ", not '" + instance + "'");
        }
        return instance == null ? GATEWAY : GATEWAY + "-" + instance;
    }

    /** Whether {@code name} (after {@code {site}.{floor}.}) is one of a floor's gateways: {@code gateway}, {@code gateway-a}, {@code gateway-b}. */
    public static boolean isGateway(String name) {
        return GATEWAYS.contains(name); // on every decode of a per-seat topic: no names built
    }

    /** 0 for the only gateway or {@code a}, 1 for {@code b}: the two of a pair are told apart by it. */
    public static int pairIndex(String instance) {
        gatewayName(instance); // refuses an instance that is not one of the pair
        return instance == null ? 0 : PAIR.indexOf(instance);
    }

    /** Every name after {@code {site}.{floor}.} that is a login but not a seat. */
    public static java.util.List<String> reserved() {
        return java.util.stream.Stream.concat(GATEWAYS.stream(), java.util.stream.Stream.of(MONITOR, CTI)).toList();
    }

    /** The login a phone system's adapter publishes the floor's CTI events with. */
    public static String cti(String site, String floor) {
        return prefix(site, floor) + CTI;
    }

    public static String monitor(String site, String floor) {
        return prefix(site, floor) + MONITOR;
    }

    /** What every client id of the floor starts with: {@code {site}.{floor}.}. */
    public static String prefix(String site, String floor) {
        return site + "." + floor + ".";
    }
}
