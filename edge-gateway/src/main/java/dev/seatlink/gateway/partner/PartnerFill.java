package dev.seatlink.gateway.partner;

import dev.seatlink.gateway.brokerlink.BrokerLink;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.jobs.PeriodicJob;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.SeatEvent;
import io.vertx.core.Future;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tinylog.Logger;

/**
 * Answers the floor's other gateway when it asks a seat to {@code replay} events: this gateway sends what it stored of
 * them on the seat's {@code event} topic, as the seat's journal would, one at a time as the broker takes each. Both
 * gateways store every event, but on a cluster one may miss some the other has — a node's death can leave
 * acknowledged events undelivered to one session — and a seat that died (with its node, or for good) cannot replay
 * them: without this the two stores would stay different for good.
 *
 * <p>A seat shown offline here is answered at once with whatever this gateway stored of the asked seqs. A seat online
 * is first left {@value #SEAT_FIRST_MS} ms to answer itself: just after a node's death its answer may never come (a
 * seat that was away, or whose command subscription was not yet made again on a cluster still electing, never hears
 * the ask), and the asker then waited for its next try while the partner held the events ({@code bench center} run
 * 135: a gateway short of four events of one seat for 8.5 s that its partner had stored 2.8 s before the ask). Heard
 * answering (an asked seq on its {@code event} topic), it is left to it; else this gateway answers, when its store
 * holds every asked event (a part of them would only double what the seat sends), at most
 * {@value #MAX_ONLINE_AT_ONCE} seats at a time, the others waiting their turn: asks beyond that number were dropped
 * until run 152, where one such seat never answered and its asker was whole 8.3 s later than its partner could have
 * made it. What the asker already has is stored once (by seat and seq), as with any replay, and this gateway drops
 * its own copies coming back. Its own asks, heard too, it leaves alone: heard after the seat's answer was stored, one
 * would send the seat's events again ({@code bench center} run 136). At most {@value #MAX_EVENTS} events per ask (the
 * asker asks again for the rest), one answer per seat at a time.
 */
public final class PartnerFill implements BrokerLink.ReplayAsks, PeriodicJob {
    static final int MAX_EVENTS = 500;
    /** Seats online here answered at once at most: each answer is publishes more on a cluster that may be behind. */
    static final int MAX_ONLINE_AT_ONCE = 32;
    /** How long a seat online here has to answer an ask itself: its answer comes in well under a second. */
    static final long SEAT_FIRST_MS = 1_000;
    /** Asks of seats online here waiting, one per seat: beyond this the oldest is left to its asker's next try. */
    static final int MAX_WAITING = 4_096;

    /** Whether a seat of this floor is shown offline here (false for a seat the floor does not have). */
    public interface SeatPresence {
        boolean offline(String seat);
    }

    /** Whether a {@code replay} ask (by its id) is one this gateway sent itself. */
    public interface OwnAsks {
        boolean own(String commandId);
    }

    /** This gateway's stored events of a seat with seqs {@code from..to}, in seq order (read off the event loop). */
    public interface StoredEvents {
        Future<List<SeatEvent>> between(String seat, long from, long to);
    }

    /** Sends a stored event on its seat's {@code event} topic; completes once the broker has it. */
    public interface Republisher {
        Future<Void> republish(SeatEvent event);
    }

    /** Counts what was sent, for {@code /metrics}. */
    public interface Counter {
        void republished(int events);
    }

    /** An online seat's ask, and when it was heard (by the floor's clock). */
    private record Waiting(Command.Replay replay, long heardAt) {
    }

    private final SeatPresence presence;
    private final OwnAsks ownAsks;
    private final StoredEvents store;
    private final Republisher republisher;
    private final Counter counter;
    private final FloorClock clock;
    private final Set<String> answering = new HashSet<>();
    /** In the order heard: a seat asked again goes to the back. */
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private int answeringOnline;

    public PartnerFill(SeatPresence presence, OwnAsks ownAsks, StoredEvents store, Republisher republisher,
                       Counter counter, FloorClock clock) {
        this.presence = presence;
        this.ownAsks = ownAsks;
        this.store = store;
        this.republisher = republisher;
        this.counter = counter;
        this.clock = clock;
    }

    @Override
    public void asked(String seat, Command.Replay replay) {
        if (ownAsks.own(replay.id())) {
            return;
        }
        waiting.remove(seat);
        if (presence.offline(seat)) {
            answer(seat, replay, true);
            return;
        }
        if (replay.to() == null) {
            return; // an ask to no end: the seat's journal alone knows where its events end
        }
        if (waiting.size() >= MAX_WAITING) {
            Iterator<String> oldest = waiting.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        waiting.put(seat, new Waiting(replay, clock.millis()));
    }

    @Override
    public boolean awaitsSeat(String seat) {
        return waiting.containsKey(seat);
    }

    @Override
    public void heard(String seat, long seq) {
        Waiting ask = waiting.get(seat);
        if (ask != null && seq >= ask.replay().from() && seq <= ask.replay().to()) {
            waiting.remove(seat); // the seat answers itself
        }
    }

    @Override
    public long periodMs() {
        return 250;
    }

    /** Answers the waiting asks the seats left unanswered, oldest first, as many as may be answered at once. */
    @Override
    public void run() {
        long now = clock.millis();
        Iterator<Map.Entry<String, Waiting>> asks = waiting.entrySet().iterator();
        while (asks.hasNext() && answeringOnline < MAX_ONLINE_AT_ONCE) {
            Map.Entry<String, Waiting> ask = asks.next();
            if (now - ask.getValue().heardAt() < SEAT_FIRST_MS) {
                return; // the later ones were heard later still
            }
            asks.remove();
            answer(ask.getKey(), ask.getValue().replay(), presence.offline(ask.getKey()));
        }
    }

    private void answer(String seat, Command.Replay replay, boolean offline) {
        if (!answering.add(seat)) {
            return;
        }
        if (!offline) {
            answeringOnline++;
        }
        long most = replay.from() > Long.MAX_VALUE - MAX_EVENTS ? Long.MAX_VALUE : replay.from() + MAX_EVENTS - 1;
        long to = Math.min(replay.to() == null ? Long.MAX_VALUE : replay.to(), most);
        store.between(seat, replay.from(), to)
                .compose(found -> {
                    if (!offline && found.size() != to - replay.from() + 1) {
                        return Future.succeededFuture(List.<SeatEvent>of());
                    }
                    if (!found.isEmpty()) {
                        Logger.info("seat {} was asked to replay seq {}..{} ({}; asked {} ms ago by the asker's "
                                + "clock): sending the {} of them this gateway stored", seat, replay.from(), to, offline
                                ? "offline here" : "all stored here, the seat not heard answering",
                                clock.millis() - replay.ts(), found.size());
                    }
                    return Future.succeededFuture(found);
                })
                .compose(this::inTurn)
                .onSuccess(counter::republished)
                .onFailure(e -> Logger.warn("could not answer a replay of seat {} from this gateway's store: {}", seat,
                        e.getMessage()))
                .onComplete(done -> {
                    answering.remove(seat);
                    if (!offline) {
                        answeringOnline--;
                    }
                });
    }

    /** Each after the broker took the one before: a cluster that is behind is not handed a burst. */
    private Future<Integer> inTurn(List<SeatEvent> events) {
        Future<Void> sent = Future.succeededFuture();
        for (SeatEvent event : events) {
            sent = sent.compose(v -> republisher.republish(event));
        }
        return sent.map(events.size());
    }
}
