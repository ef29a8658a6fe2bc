package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.apply.AppliedSeqs;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.SeatConfig;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;
import java.util.Iterator;
import org.tinylog.Logger;

/**
 * Publishes each seat's retained config, with the floor's latest seq for it ({@code lastSeq}), so a
 * terminal whose journal is behind continues above it. All of them after a primary's connect and every site
 * edit — but only those whose settings differ from what the broker retains (it hands every retained config
 * to the gateway on subscribing: {@link #retained}), so a gateway taking over a floor on a degraded cluster
 * sends nothing it need not — at most {@value #WINDOW} unacknowledged at a time (a floor of 70,000 seats must
 * still get every config); one seat's again when it needs it. Runs on the broker link's event loop, comparing at
 * most {@value #COMPARED_PER_TURN} seats per turn of it.
 */
public final class SeatConfigPublisher implements BrokerLink.RetainedConfigs {
    static final int WINDOW = 1_000;
    /** Seats compared with what the broker retains in one event-loop turn: 70,000 at once held the loop 0.6 s. */
    static final int COMPARED_PER_TURN = 2_000;

    private final FloorLink link;
    private final Codec codec;
    private final AppliedSeqs seqs;
    private final SiteSource site;
    private final NextTurn nextTurn;
    /** Bumped by every full run, so a run overtaken by a newer one stops. */
    private int run;
    /** What the broker retains per seat, as heard (its lastSeq aside): bounded by the seats that have one. */
    private final java.util.Map<String, SeatConfig> retained = new java.util.HashMap<>();

    /** The site config as it is now (it changes on edits). */
    public interface SiteSource {
        SiteConfig current();
    }

    /** Runs a task on a later turn of the event loop this publisher runs on. */
    public interface NextTurn {
        void run(Runnable task);
    }

    public SeatConfigPublisher(FloorLink link, Codec codec, AppliedSeqs seqs, SiteSource site, NextTurn nextTurn) {
        this.link = link;
        this.codec = codec;
        this.seqs = seqs;
        this.site = site;
        this.nextTurn = nextTurn;
    }

    /** Every seat's config that differs from the retained one, in the background; what was sent is logged. */
    public void publishAll() {
        new Run(site.current(), ++run).fill();
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
            while (!failed && id == run && inFlight < WINDOW && seats.hasNext()) {
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

    /** One seat's config again (a seat whose terminal restarted behind the floor). */
    public void publish(String seat) {
        SiteConfig current = site.current();
        current.seat(seat).ifPresent(spec -> publish(current, spec));
    }

    private Future<Void> publish(SiteConfig current, SeatSpec seat) {
        SeatConfig config = current.seatConfig(seat);
        long lastSeq = seqs.lastApplied(seat.seat());
        Topic topic = Topic.seat(current.site(), current.floor(), seat.seat(), Topic.Kind.CONFIG);
        return link.publishAcknowledged(topic.toString(),
                codec.encode(topic, lastSeq > 0 ? config.withLastSeq(lastSeq) : config), true);
    }
}
