package dev.seatlink.gateway.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds back a seat's wallboard updates to at most one per {@value #WINDOW_MS} ms — four a second — with
 * the latest winning, so a flapping terminal cannot flood every wallboard; an urgent update (a raised
 * hand) goes at once. A seat that changes seldom is never delayed. Pure; {@code now} is passed in.
 */
final class SeatThrottle<T> {
    static final long WINDOW_MS = 250;

    private final Map<String, Long> lastSent = new HashMap<>();
    private final Map<String, T> held = new LinkedHashMap<>();

    /** The updates to send now for this one (none while it is held back). */
    List<T> offer(String seat, T update, boolean urgent, long now) {
        Long last = lastSent.get(seat);
        if (urgent || last == null || now - last >= WINDOW_MS) {
            held.remove(seat);
            lastSent.put(seat, now);
            return List.of(update);
        }
        held.put(seat, update);
        return List.of();
    }

    /** The held updates whose window has passed, in the order their seats were first held. */
    List<T> due(long now) {
        List<T> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, T>> it = held.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, T> entry = it.next();
            if (now - lastSent.get(entry.getKey()) >= WINDOW_MS) {
                out.add(entry.getValue());
                lastSent.put(entry.getKey(), now);
                it.remove();
            }
        }
        return out;
    }
}
