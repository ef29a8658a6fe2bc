package dev.seatlink.simulator;

import dev.seatlink.protocol.SeatEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One simulated seat's events on their way, like a terminal's journal: every event from when it is made until the
 * broker acknowledges it, sent again in seq order after a reconnect (a publish on a dying connection may never
 * complete, so an event leaves only on its own PUBACK), and its last {@value #REMEMBERED_EVENTS} events for a
 * gateway's {@code replay}. A PUBACK is matched to its publish by packet id, and may arrive before the publish's own
 * future has said which id it went out with. Thread-safe: the seat's client context and the thread that makes its
 * events both use it.
 */
final class SeatJournal {
    /** Events remembered for {@code replay} (bounded: memory). */
    static final int REMEMBERED_EVENTS = 2_000;

    /** A publish on its way: its topic, its event's seq (0 for other messages) and when it left. */
    record Sent(String topic, long seq, long at) {
    }

    private final NavigableMap<Long, SeatEvent> unacknowledged = new ConcurrentSkipListMap<>();
    /** Packet id → the publish it went out with, until its PUBACK. */
    private final Map<Integer, Sent> inFlight = new ConcurrentHashMap<>();
    /** Packet ids acknowledged before their publish's future completed. */
    private final Set<Integer> earlyAcks = ConcurrentHashMap.newKeySet();
    private final NavigableMap<Long, SeatEvent> remembered = new ConcurrentSkipListMap<>();

    /** A new event: kept until acknowledged, and remembered for a replay. */
    void made(SeatEvent event) {
        unacknowledged.put(event.seq(), event);
        remembered.put(event.seq(), event);
        remembered.headMap(event.seq() - REMEMBERED_EVENTS, true).clear();
    }

    /**
     * The publish {@code sent} went out with packet id {@code id}. Returns it if its PUBACK had already come (it is
     * settled now), else null (it waits for {@link #acknowledged}).
     */
    Sent sentAs(int id, Sent sent) {
        if (earlyAcks.remove(id)) {
            settle(sent);
            return sent;
        }
        inFlight.put(id, sent);
        return null;
    }

    /** The PUBACK of packet id {@code id}: returns its publish, settled, or null if its id is not known yet. */
    Sent acknowledged(int id) {
        Sent sent = inFlight.remove(id);
        if (sent == null) {
            earlyAcks.add(id);
        } else {
            settle(sent);
        }
        return sent;
    }

    private void settle(Sent sent) {
        if (sent.seq() > 0) {
            unacknowledged.remove(sent.seq());
        }
    }

    /**
     * Connected again, before the connection's first publish: packet ids start over, and every event not yet
     * acknowledged is to be sent again; returns those, in seq order.
     */
    List<SeatEvent> reconnected() {
        inFlight.clear();
        earlyAcks.clear();
        return new ArrayList<>(unacknowledged.values());
    }

    /** The remembered events with {@code from <= seq <= last}, in seq order. */
    List<SeatEvent> remembered(long from, long last) {
        return new ArrayList<>(remembered.subMap(from, true, last, true).values());
    }

    /** The oldest seq still remembered, or null before the first event. */
    Long oldestRemembered() {
        Map.Entry<Long, SeatEvent> oldest = remembered.firstEntry();
        return oldest == null ? null : oldest.getKey();
    }

    int unacknowledged() {
        return unacknowledged.size();
    }
}
