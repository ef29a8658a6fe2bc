package dev.seatlink.gateway.brokerlink;

import dev.seatlink.protocol.ClientId;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;
import java.util.List;

/**
 * Removes what the broker keeps of a seat that is no longer in the site config: its retained status, state and
 * config (an empty retained message clears one), then its persistent session ({@link SessionEraser}). The gateway's
 * login may write every topic of its floor, so the first always works on a healthy link; the second only on a
 * broker that lets the gateway's login use the seat's client id (NATS; not Mosquitto with the SeatLink ACL).
 */
public final class LeftoverRemoval {
    static final List<Topic.Kind> RETAINED = List.of(Topic.Kind.STATUS, Topic.Kind.STATE, Topic.Kind.CONFIG);

    private final BrokerLink link;
    private final SessionEraser sessions;
    private final String site;
    private final String floor;

    public LeftoverRemoval(BrokerLink link, SessionEraser sessions, String site, String floor) {
        this.link = link;
        this.sessions = sessions;
        this.site = site;
        this.floor = floor;
    }

    /** Completes once the broker acknowledged every clear and ended the session; fails naming the step that did not. */
    public Future<Void> remove(String seat) {
        List<Future<Void>> clears = RETAINED.stream()
                .map(kind -> link.publishAcknowledged(Topic.seat(site, floor, seat, kind).toString(), new byte[0], true))
                .toList();
        return Future.all(clears)
                .recover(e -> Future.failedFuture("clearing seat " + seat + "'s retained messages failed: " + e.getMessage()))
                .compose(cleared -> sessions.erase(ClientId.seat(site, floor, seat)));
    }
}
