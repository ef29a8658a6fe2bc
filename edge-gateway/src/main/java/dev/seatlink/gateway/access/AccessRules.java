package dev.seatlink.gateway.access;

import dev.seatlink.gateway.site.SeatMap;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.protocol.Topic;

/**
 * Who may do what on a floor's broker, as a Mosquitto ACL file. A terminal writes only its own
 * {@code status}, {@code state}, {@code event} and {@code cmd-result}, and reads only its own
 * {@code config}, {@code cmd} and {@code status} and the floor's {@code gateway}; only the gateway
 * writes {@code config}, {@code cmd}, {@code summary} and {@code gateway}, and it reads the whole floor.
 * Usernames equal the MQTT client ids ({@code {site}.{floor}.{seat}}, {@code {site}.{floor}.gateway}).
 */
public final class AccessRules {
    private AccessRules() {
    }

    public static String gatewayUser(SeatMap map) {
        return map.site() + "." + map.floor() + ".gateway";
    }

    public static String seatUser(SeatMap map, String seat) {
        return map.site() + "." + map.floor() + "." + seat;
    }

    /** The ACL file text for the whole floor. */
    public static String acl(SeatMap map) {
        StringBuilder acl = new StringBuilder("# SeatLink ACL for ").append(map.site()).append('/').append(map.floor())
                .append(", generated from the seat map; regenerate rather than edit.\n\n");
        String root = Topic.PREFIX + map.site() + "/" + map.floor() + "/";
        acl.append("user ").append(gatewayUser(map)).append('\n')
                .append("topic readwrite ").append(root).append("#\n\n");
        for (SeatSpec seat : map.seats()) {
            String mine = root + seat.seat() + "/";
            acl.append("user ").append(seatUser(map, seat.seat())).append('\n');
            for (Topic.Kind kind : new Topic.Kind[] {Topic.Kind.STATUS, Topic.Kind.STATE, Topic.Kind.EVENT,
                    Topic.Kind.CMD_RESULT}) {
                acl.append("topic write ").append(mine).append(kind.level()).append('\n');
            }
            acl.append("topic read ").append(mine).append(Topic.Kind.CONFIG.level()).append('\n')
                    .append("topic read ").append(mine).append(Topic.Kind.CMD.level()).append('\n')
                    .append("topic read ").append(mine).append(Topic.Kind.STATUS.level()).append('\n')
                    .append("topic read ").append(root).append(Topic.Kind.GATEWAY.level()).append("\n\n");
        }
        return acl.toString();
    }
}
