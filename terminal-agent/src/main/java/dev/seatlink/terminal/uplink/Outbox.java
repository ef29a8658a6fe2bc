package dev.seatlink.terminal.uplink;

import dev.seatlink.protocol.SeatEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.tinylog.Logger;

/**
 * Events published but not yet acknowledged by the broker (PUBACK), in seq order, so that a
 * reconnect can send them again. Held in memory, so it covers link drops but not a restart.
 * Thread-safe: the seat thread adds, Paho's callback thread removes.
 */
final class Outbox {
    static final int CAPACITY = 10_000;

    private final TreeMap<Long, SeatEvent> unsent = new TreeMap<>();

    synchronized void add(SeatEvent event) {
        if (unsent.size() >= CAPACITY) {
            // The gateway sees the missing seq as a gap and counts it; nothing is silently reordered.
            SeatEvent dropped = unsent.pollFirstEntry().getValue();
            Logger.warn("outbox full ({} events); dropping unsent event seq {}", CAPACITY, dropped.seq());
        }
        unsent.put(event.seq(), event);
    }

    synchronized void acknowledged(long seq) {
        unsent.remove(seq);
    }

    synchronized List<SeatEvent> unsent() {
        return new ArrayList<>(unsent.values());
    }
}
