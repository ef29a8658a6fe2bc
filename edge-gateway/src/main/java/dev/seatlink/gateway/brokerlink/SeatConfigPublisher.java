package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.apply.AppliedSeqs;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.SeatConfig;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.tinylog.Logger;

/**
 * Publishes each seat's retained config, with the floor's latest seq for it ({@code lastSeq}), so a
 * terminal whose journal is behind continues above it. All of them after a primary's connect and every site
 * edit — but only those whose settings differ from what the broker retains (it hands every retained config
 * to the gateway on subscribing: {@link #retained}), so a gateway taking over a floor on a degraded cluster
 * sends nothing it need not — at most {@value #WINDOW} unacknowledged at a time (a floor of 70,000 seats must
 * still get every config); one seat's again when it needs it. Runs on the broker link's event loop, comparing at
 * most {@value #COMPARED_PER_TURN} seats per turn of it.
 *
 * <p>Only the floor's primary gateway publishes configs, so the two of a pair never contradict each other on the
 * broker (a run under way when it stands down stops there); a standby taking the floor publishes what differs. One
 * seat's config again (a Last Will, a terminal behind the floor) waits its turn: each waiting seat once however often
 * asked, at most {@value #AGAIN_IN_FLIGHT} unacknowledged. On a NATS cluster each retained QoS 1 publish is two
 * stores, and the node reads none of the gateway's later packets (heartbeat, probes, PUBACKs) until they are done; a
 * node's death ends a hundred seats' connections at once, and both gateways used to send all their configs at once
 * ({@code bench center} run 105: 50–76 Last Wills a gateway).
 */
public final class SeatConfigPublisher implements BrokerLink.RetainedConfigs {
    static final int WINDOW = 1_000;
    /** Seats compared with what the broker retains in one event-loop turn: 70,000 at once held the loop 0.6 s. */
    static final int COMPARED_PER_TURN = 2_000;
    /** One seat's config again: how many may be unacknowledged at once (like the summary's one in flight). */
    static final int AGAIN_IN_FLIGHT = 2;

    private final FloorLink link;
    private final GatewayRole role;
    private final Codec codec;
    private final AppliedSeqs seqs;
    private final SiteSource site;
    private final NextTurn nextTurn;
    /** Bumped by every full run, so a run overtaken by a newer one stops. */
    private int run;
    /** What the broker retains per seat, as heard (its lastSeq aside): bounded by the seats that have one. */
    private final java.util.Map<String, SeatConfig> retained = new java.util.HashMap<>();
    /** Seats whose config is to go again, in the order asked: bounded by the floor's seats. */
    private final Set<String> again = new LinkedHashSet<>();
    private int againInFlight;

    /** The site config as it is now (it changes on edits). */
    public interface SiteSource {
        SiteConfig current();
    }

    /** Runs a task on a later turn of the event loop this publisher runs on. */
    public interface NextTurn {
        void run(Runnable task);
    }

    public SeatConfigPublisher(FloorLink link, GatewayRole role, Codec codec, AppliedSeqs seqs, SiteSource site,
                               NextTurn nextTurn) {
        this.link = link;
        this.role = role;
        this.codec = codec;
        this.seqs = seqs;
        this.site = site;
        this.nextTurn = nextTurn;
    }

    /**
     * On the primary: every seat's config that differs from the retained one, in the background (what was sent is
     * logged), and any seat's still waiting to go again.
     */
    public void publishAll() {
        if (!isPrimary()) {
            return;
        }
        new Run(site.current(), ++run).fill();
        sendAgain();
    }

    private boolean isPrimary() {
        return role.role() == Role.PRIMARY;
    }

    @Override
    public void retained(String seat, SeatConfig config) {
        retained.put(seat, config.withLastSeq(0));
    }

    private boolean isRetained(SiteConfig current, SeatSpec seat) {
        return current.seatConfig(seat).withLastSeq(0).equals(retained.get(seat.seat()));
    }

    /** One full publication: keeps {@value #WINDOW} in flight until every seat is compared and sent, or one fails. */
    private final class Run {
        private final SiteConfig current;
        private final int id;
        private final Iterator<SeatSpec> seats;
        private int compared;
        private int changed;
        private int inFlight;
        private int acknowledged;
        private boolean failed;
        private boolean finished;

        Run(SiteConfig current, int id) {
            this.current = current;
            this.id = id;
            this.seats = current.seats().iterator();
        }

        private void fill() {
            int comparedNow = 0;
            while (!failed && id == run && isPrimary() && inFlight < WINDOW && seats.hasNext()) {
                if (comparedNow++ == COMPARED_PER_TURN) {
                    nextTurn.run(this::fill); // the rest later: the loop serves the floor meanwhile
                    return;
                }
                SeatSpec seat = seats.next();
                compared++;
                if (isRetained(current, seat)) {
                    continue;
                }
                changed++;
                inFlight++;
                publish(current, seat).onComplete(result -> {
                    inFlight--;
                    if (result.succeeded()) {
                        acknowledged++;
                    } else if (!failed) {
                        failed = true;
                        Logger.warn("a seat config was not acknowledged: {}", result.cause().getMessage());
                    }
                    fill();
                });
            }
            if (inFlight == 0 && !finished) {
                finish();
            }
        }

        private void finish() {
            finished = true;
            int seatCount = current.seats().size();
            if (compared < seatCount || acknowledged < changed) {
                Logger.warn("{} changed seat configs published, {} of {} seats compared; the rest follow on the next "
                        + "connect or site edit", acknowledged, compared, seatCount);
            } else {
                Logger.info("{} seat configs published ({} already retained as they are)", acknowledged,
                        seatCount - changed);
            }
        }
    }

    /**
     * On the primary, one seat's config again, with the floor's latest seq for it then (a seat gone offline, or whose
     * terminal restarted behind the floor): once its turn comes.
     */
    public void publish(String seat) {
        if (isPrimary() && site.current().seat(seat).isPresent()) {
            again.add(seat);
            sendAgain();
        }
    }

    /** Sends the seats' configs waiting to go again while primary, the link is up and the window has room. */
    private void sendAgain() {
        while (againInFlight < AGAIN_IN_FLIGHT && !again.isEmpty() && isPrimary() && link.isConnected()) {
            String seat = again.iterator().next();
            again.remove(seat);
            SiteConfig current = site.current();
            current.seat(seat).ifPresent(spec -> {
                againInFlight++;
                publish(current, spec).onComplete(done -> {
                    againInFlight--;
                    nextTurn.run(this::sendAgain); // not deeper: a publish refused at once completes at once
                });
            });
        }
    }

    private Future<Void> publish(SiteConfig current, SeatSpec seat) {
        SeatConfig config = current.seatConfig(seat);
        long lastSeq = seqs.lastApplied(seat.seat());
        Topic topic = Topic.seat(current.site(), current.floor(), seat.seat(), Topic.Kind.CONFIG);
        return link.publishAcknowledged(topic.toString(),
                codec.encode(topic, lastSeq > 0 ? config.withLastSeq(lastSeq) : config), true);
    }
}
