package dev.seatlink.gateway.apply;

import dev.seatlink.link.RoundTrip;
import dev.seatlink.protocol.SeatEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts each seat's events in seq order before the floor applies them. Pure: time is passed in.
 *
 * <p>An event right after the last applied one is released at once, with any held events that now
 * follow it. One beyond a gap is held. A seat can also be known to have events up to some seq that
 * have not arrived ({@link #expect}, from a state snapshot ahead of the events): that is a gap too. After {@code timeoutMs} with the gap still open the seat is
 * asked to {@code replay} the missing seqs (the first to the last missing one, not all since); after another
 * {@code timeoutMs}, for a
 * {@code rebirth}; after a third, the held events are released anyway (the floor shows the seat as it is) and
 * the gap stays counted. The rebirth is skipped while replays take longer than {@code timeoutMs} to come back
 * (a moving average of how long gaps took to fill after their replay was asked): on a busy cluster the replay is then most likely still on its way, and a rebirth is
 * two retained writes more on a cluster that is already behind. The missing events are still chased for the store,
 * each hole of a seat on its own: a replay of just that hole again after {@link #CHASE_FIRST_MS}, then up to
 * {@link #CHASES} times in all at double the wait each time, until its events arrive (an event that arrives from the
 * middle of a hole splits it; a newer hole never restarts an older one's backoff, and at most {@link #HOLES} are
 * kept per seat, the oldest two joined beyond that) — on a cluster a replay asked while a broker
 * node was dying may have died with the seat's command queue, and one asked while this gateway's own link was
 * down never left. So when the link comes back ({@link #chaseAgain}) every hole is asked for again, and so is every
 * gap whose replay is out; when a seat comes back, its own. A replay is asked at most once (QoS 0): one asked while
 * the seat was away, or before its command subscription was made again after a node's death, never reached it, and
 * its gap waited for the rebirth and the release before the chase asked again, 8 s after the lost ask.
 */
public final class Reorderer {
    /** The default reorder timeout of the contract. */
    public static final long DEFAULT_TIMEOUT_MS = 2_000;
    /**
     * The first chase of a hole: 4 s after its events were given up, 8 s after the replay the gap asked for (one
     * asked while JetStream still elects after a node's death is often lost: at 8 s more this was the last of seven
     * gateways to be whole in a node kill, 17.2 s after it) — or twice what replays lately took to come back, when
     * that is longer, so a slow replay is not asked for again while still on its way.
     */
    static final long CHASE_FIRST_MS = 4_000;
    /** Replays asked for events given up on: after 4, 8, 16, 32, 64 and 128 s, some four minutes in all. */
    static final int CHASES = 6;
    /** Holes chased per seat at most: memory stays bounded whatever a seat's seqs do. */
    static final int HOLES = 16;

    /** Something to ask of a seat. */
    public sealed interface Request permits Replay, Rebirth {
        String seat();
    }

    /** Replay the seat's events {@code from..to}: only the missing ones, not all since (each costs the cluster). */
    public record Replay(String seat, long from, long to) implements Request {
    }

    public record Rebirth(String seat) implements Request {
    }

    /** The outcome of a tick: requests to send, events given up waiting for and released anyway. */
    public record Tick(List<Request> requests, List<SeatEvent> released) {
    }

    private static final class Gap {
        final TreeMap<Long, SeatEvent> held = new TreeMap<>();
        long upTo;
        long openedAt;
        long askedAt;
        int asked; // 0 none, 1 replay, 2 rebirth
        long replayAskedAt; // 0 until the replay is asked
        /** The replay asked may never have reached the seat: asked again at the next tick. */
        boolean askAgain;
    }

    /** One hole of a seat's events given up on and still asked for (its first seq is its key): up to {@code to}. */
    private static final class Hole {
        final long to;
        int asked;
        long nextAt;
        /** When the latest replay for these events was asked (by the gap, then by the chase); 0 once one came. */
        long replayAskedAt;

        Hole(long to, long nextAt, long replayAskedAt) {
            this.to = to;
            this.nextAt = nextAt;
            this.replayAskedAt = replayAskedAt;
        }

        /** Part of this hole, on the same backoff. */
        Hole upTo(long last) {
            Hole part = new Hole(last, nextAt, replayAskedAt);
            part.asked = asked;
            return part;
        }
    }

    private final long timeoutMs;
    /** How long replays lately took to fill their gap: a moving average, 0 before the first one. */
    private final RoundTrip replayRoundTrip = new RoundTrip();
    private final Map<String, Gap> gaps = new HashMap<>();
    /** Per seat, its holes by first seq. */
    private final Map<String, TreeMap<Long, Hole>> chases = new HashMap<>();
    private long opened;
    private long filled;

    public Reorderer(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /**
     * @param lastApplied the seat's last applied seq; 0 when none is known, so its history starts at 1 and a
     *                    first event beyond that is a gap (a seat that no longer keeps those events says so,
     *                    and after rebirth they are counted missing)
     * @return events to apply now, in seq order (may be empty)
     */
    public List<SeatEvent> offer(SeatEvent event, long lastApplied, long now) {
        TreeMap<Long, Hole> holes = chases.get(event.seat());
        if (holes != null) {
            arrived(holes, event.seq(), now);
            if (holes.isEmpty()) {
                chases.remove(event.seat());
            }
        }
        Gap gap = gaps.get(event.seat());
        if (event.seq() <= after(lastApplied)) {
            List<SeatEvent> ready = new ArrayList<>();
            ready.add(event);
            if (gap != null) {
                long next = Math.max(lastApplied, event.seq());
                while (!gap.held.isEmpty() && gap.held.firstKey() <= after(next)) {
                    SeatEvent held = gap.held.pollFirstEntry().getValue();
                    next = Math.max(next, held.seq());
                    ready.add(held);
                }
                if (gap.held.isEmpty() && next >= gap.upTo) {
                    gaps.remove(event.seat());
                    filled++;
                    if (gap.replayAskedAt > 0) {
                        replayCameBack(now - gap.replayAskedAt);
                    }
                }
            }
            return ready;
        }
        open(event.seat(), now).held.put(event.seq(), event);
        return List.of();
    }

    /** The seat has events up to {@code upTo} (its state snapshot says so); any not yet applied are a gap. */
    public void expect(String seat, long upTo, long lastApplied, long now) {
        if (upTo > lastApplied) {
            Gap gap = open(seat, now);
            gap.upTo = Math.max(gap.upTo, upTo);
        }
    }

    private Gap open(String seat, long now) {
        Gap gap = gaps.get(seat);
        if (gap == null) {
            gap = new Gap();
            gap.openedAt = now;
            gaps.put(seat, gap);
            opened++;
        }
        return gap;
    }

    /**
     * Advances the timers.
     *
     * @param lastApplied each seat's last applied seq
     */
    public Tick tick(long now, java.util.function.ToLongFunction<String> lastApplied) {
        List<Request> requests = new ArrayList<>();
        List<SeatEvent> released = new ArrayList<>();
        for (var it = gaps.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            Gap gap = entry.getValue();
            String seat = entry.getKey();
            if (gap.askAgain) {
                gap.askAgain = false;
                requests.add(replayOf(seat, gap, lastApplied, now));
            }
            long since = gap.asked == 0 ? gap.openedAt : gap.askedAt;
            if (now - since < timeoutMs) {
                continue;
            }
            if (gap.asked == 0) {
                requests.add(replayOf(seat, gap, lastApplied, now));
            } else if (gap.asked == 1) {
                if (replayRoundTrip.averageMs() <= timeoutMs) {
                    requests.add(new Rebirth(seat));
                }
            } else {
                long from = after(lastApplied.applyAsLong(seat));
                if (gap.held.isEmpty()) {
                    chase(seat, from, gap.upTo, gap.replayAskedAt, now);
                } else {
                    chase(seat, from, gap.held.firstKey() - 1, gap.replayAskedAt, now);
                    chase(seat, after(gap.held.lastKey()), gap.upTo, gap.replayAskedAt, now); // a snapshot ahead
                }
                released.addAll(gap.held.values());
                it.remove();
                continue;
            }
            gap.asked++;
            gap.askedAt = now;
        }
        for (var seats = chases.entrySet().iterator(); seats.hasNext(); ) {
            var seat = seats.next();
            for (var it = seat.getValue().entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                Hole hole = entry.getValue();
                if (now >= hole.nextAt) {
                    requests.add(new Replay(seat.getKey(), entry.getKey(), hole.to));
                    hole.replayAskedAt = now;
                    hole.nextAt = now + (CHASE_FIRST_MS << ++hole.asked);
                    if (hole.asked == CHASES) {
                        it.remove();
                    }
                }
            }
            if (seat.getValue().isEmpty()) {
                seats.remove();
            }
        }
        return new Tick(requests, released);
    }

    /** The replay of the events a gap misses (not those held beyond it): asked now. */
    private static Replay replayOf(String seat, Gap gap, java.util.function.ToLongFunction<String> lastApplied,
                                   long now) {
        long from = after(lastApplied.applyAsLong(seat));
        long lastMissing = Math.max(gap.upTo, gap.held.isEmpty() ? 0 : gap.held.firstKey() - 1);
        gap.replayAskedAt = now;
        return new Replay(seat, from, Math.max(from, lastMissing));
    }

    /**
     * The broker link came back: replays asked while it was down never left, and those asked just before may
     * have died with a node, so every chase asks again at the next tick and gets its full count of asks, and every
     * gap whose replay is out asks again at the next tick (its own timers run on).
     */
    public void chaseAgain(long now) {
        chases.values().forEach(holes -> askAgain(holes, now));
        gaps.values().forEach(Reorderer::askAgain);
    }

    /**
     * The seat (re)connected: the replays asked while it was away (at most once, so never queued for it) are asked
     * again at the next tick — each chase with its full count of asks, and its gap's, if one is out.
     */
    public void chaseAgain(String seat, long now) {
        TreeMap<Long, Hole> holes = chases.get(seat);
        if (holes != null) {
            askAgain(holes, now);
        }
        Gap gap = gaps.get(seat);
        if (gap != null) {
            askAgain(gap);
        }
    }

    /** A gap whose replay is out asks again; one not yet asked for asks when its timeout ends, as before. */
    private static void askAgain(Gap gap) {
        gap.askAgain = gap.asked > 0;
    }

    private static void askAgain(TreeMap<Long, Hole> holes, long now) {
        for (Hole hole : holes.values()) {
            hole.asked = 0;
            hole.nextAt = now;
        }
    }

    private void chase(String seat, long from, long to, long replayAskedAt, long now) {
        if (to < from) {
            return;
        }
        TreeMap<Long, Hole> holes = chases.computeIfAbsent(seat, s -> new TreeMap<>());
        holes.subMap(from, true, to, true).clear(); // a hole asked for again is one hole
        long firstChase = Math.max(CHASE_FIRST_MS, 2 * replayRoundTrip.averageMs());
        holes.put(from, new Hole(to, now + firstChase, replayAskedAt));
        while (holes.size() > HOLES) { // the oldest two as one: their replay brings back what lies between, too
            var first = holes.pollFirstEntry();
            var second = holes.pollFirstEntry();
            holes.put(first.getKey(), first.getValue().upTo(second.getValue().to));
        }
    }

    /** An event arrived: the hole it was in is filled there (what is left of it keeps its backoff). */
    private void arrived(TreeMap<Long, Hole> holes, long seq, long now) {
        var entry = holes.floorEntry(seq);
        if (entry == null || seq > entry.getValue().to) {
            return;
        }
        Hole hole = holes.remove(entry.getKey());
        if (seq == entry.getKey() && hole.replayAskedAt > 0) { // a replay's first event: it came back
            replayCameBack(now - hole.replayAskedAt);
            hole.replayAskedAt = 0;
        }
        if (entry.getKey() < seq) {
            holes.put(entry.getKey(), hole.upTo(seq - 1));
        }
        if (seq < hole.to) {
            holes.put(seq + 1, hole.upTo(hole.to));
        }
    }

    private void replayCameBack(long tookMs) {
        replayRoundTrip.took(tookMs);
    }

    /** The seq after {@code seq}; saturating, so no stored or forged seq can wrap the arithmetic around. */
    static long after(long seq) {
        return seq == Long.MAX_VALUE ? seq : seq + 1;
    }

    /** Gaps opened since start. */
    public long gapsOpened() {
        return opened;
    }

    /** Gaps closed by the missing events arriving. */
    public long gapsFilled() {
        return filled;
    }

    /** The seats with a gap open since {@code openedBy} or earlier. */
    public Set<String> seatsWithGapsOpenSince(long openedBy) {
        Set<String> seats = new java.util.HashSet<>();
        gaps.forEach((seat, gap) -> {
            if (gap.openedAt <= openedBy) {
                seats.add(seat);
            }
        });
        return seats;
    }

    /** Seats waiting on a gap now. */
    public int openGaps() {
        return gaps.size();
    }
}
