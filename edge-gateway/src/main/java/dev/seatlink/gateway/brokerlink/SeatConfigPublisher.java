package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.apply.AppliedSeqs;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.SeatConfig;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;
import java.util.Iterator;
import java.util.List;
import org.tinylog.Logger;

/**
 * Publishes each seat's retained config, with the floor's latest seq for it ({@code lastSeq}), so a
 * terminal whose journal is behind continues above it. All of them after a primary's connect and every site
 * edit — but only those whose settings differ from what the broker retains (it hands every retained config
 * to the gateway on subscribing: {@link #retained}), so a gateway taking over a floor on a degraded cluster
 * sends nothing it need not — at most {@value #WINDOW} unacknowledged at a time (a floor of 70,000 seats must
 * still get every config); one seat's again when it needs it. Runs on the broker link's event loop.
 */
public final class SeatConfigPublisher implements BrokerLink.RetainedConfigs {
    static final int WINDOW = 1_000;

    private final BrokerLink link;
    private final Codec codec;
    private final AppliedSeqs seqs;
    private final SiteSource site;
    /** Bumped by every full run, so a run overtaken by a newer one stops. */
    private int run;
    /** What the broker retains per seat, as heard (its lastSeq aside): bounded by the seats that have one. */
    private final java.util.Map<String, SeatConfig> retained = new java.util.HashMap<>();

    /** The site config as it is now (it changes on edits). */
    public interface SiteSource {
        SiteConfig current();
    }

    public SeatConfigPublisher(BrokerLink link, Codec codec, AppliedSeqs seqs, SiteSource site) {
        this.link = link;
        this.codec = codec;
        this.seqs = seqs;
        this.site = site;
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

    /** One full publication: keeps {@value #WINDOW} in flight until every seat is sent or one fails. */
    private final class Run {
        private final SiteConfig current;
        private final int id;
        private final Iterator<SeatSpec> seats;
        private final int toSend;
        private int inFlight;
        private int acknowledged;
        private boolean failed;
        private boolean finished;

        Run(SiteConfig current, int id) {
            this.current = current;
            this.id = id;
            List<SeatSpec> changed = current.seats().stream().filter(seat -> !isRetained(current, seat)).toList();
            this.seats = changed.iterator();
            this.toSend = changed.size();
        }

        private void fill() {
            while (!failed && id == run && inFlight < WINDOW && seats.hasNext()) {
                inFlight++;
                publish(current, seats.next()).onComplete(result -> {
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
            if (acknowledged < toSend) {
                Logger.warn("{} of {} changed seat configs published; the rest follow on the next connect or site edit",
                        acknowledged, toSend);
            } else {
                Logger.info("{} seat configs published ({} already retained as they are)", acknowledged,
                        current.seats().size() - toSend);
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
