package dev.seatlink.protocol;

/**
 * The MQTT client ids of a floor, which are also the broker logins: {@code {site}.{floor}.{seat}} for a
 * seat's terminal, {@code {site}.{floor}.gateway} for the floor's gateway and {@code {site}.{floor}.monitor}
 * for the read-only monitor login. The broker binds each login to its own client id and the ACL grants by
 * it, so this is the one place that spells them.
 */
public final class ClientId {
    public static final String GATEWAY = "gateway";
    public static final String MONITOR = "monitor";

    private ClientId() {
    }

    public static String seat(String site, String floor, String seat) {
        return prefix(site, floor) + seat;
    }

    public static String gateway(String site, String floor) {
        return prefix(site, floor) + GATEWAY;
    }

    public static String monitor(String site, String floor) {
        return prefix(site, floor) + MONITOR;
    }

    /** What every client id of the floor starts with: {@code {site}.{floor}.}. */
    public static String prefix(String site, String floor) {
        return site + "." + floor + ".";
    }
}
