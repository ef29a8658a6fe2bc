package dev.seatlink.gateway.cti;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the last {@code capacity} events taken, to ignore a repeat: a webhook retried after a timeout, an
 * adapter that reconnects and sends again, an MQTT redelivery. Bounded whatever arrives.
 */
final class RecentIds {
    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time {@code id} is seen (among the last {@code capacity}). */
    boolean firstTime(String id) {
        return ids.putIfAbsent(id, Boolean.TRUE) == null;
    }

    /** Forgets {@code id}: it was not carried out after all, so the same event sent again is taken. */
    void forget(String id) {
        ids.remove(id);
    }

    int size() {
        return ids.size();
    }
}
