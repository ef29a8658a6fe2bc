package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The floor's retained gateway status on {@code …/gateway}: the primary gateway's lease, renewed with a fresh
 * {@code ts} every {@value #HEARTBEAT_MS} ms; the offline form is a gateway's Last Will or clean stop. A floor
 * run by two gateways has one such topic; the standby takes the lease when it goes offline or its heartbeat is
 * older than a bound. {@code role}, {@code url} and {@code since} were added after v1 and may be missing.
 *
 * @param id    which gateway: {@code {site}-{floor}-gateway}, or {@code …-gateway-{instance}} for one of a pair
 * @param ts    when it was published (gateway clock): the lease's heartbeat
 * @param role  {@code primary} for the lease holder's online status; null when offline or from an older gateway
 * @param url   where the gateway's wallboard is (for "go to the primary" and the centre view), or null
 * @param since when the gateway became primary: of two that both claim, the earlier keeps the lease
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayStatus(@JsonProperty(required = true) boolean online, String id,
                            @JsonProperty(required = true) long ts, String role, String url, Long since)
        implements Message {
    public static final String PRIMARY = "primary";
    public static final long HEARTBEAT_MS = 2_000;
    static final int MAX_URL_LENGTH = 200;

    public GatewayStatus {
        Check.token("id", id);
        Check.timestamp("ts", ts);
        Check.that(role == null || PRIMARY.equals(role), RejectReason.BAD_VALUE, "role must be primary or absent");
        Check.that(url == null || url.length() <= MAX_URL_LENGTH && url.matches("https?://[\\x21-\\x7e]+"),
                RejectReason.BAD_VALUE, "url must be an http(s) URL of at most " + MAX_URL_LENGTH + " characters");
        if (since != null) {
            Check.timestamp("since", since);
        }
    }

    /** The offline form: a Last Will or a clean stop. */
    public static GatewayStatus offline(String id, long ts) {
        return new GatewayStatus(false, id, ts, null, null, null);
    }

    /** The primary's lease, renewed every heartbeat. */
    public static GatewayStatus primary(String id, long ts, String url, long since) {
        return new GatewayStatus(true, id, ts, PRIMARY, url, since);
    }
}
