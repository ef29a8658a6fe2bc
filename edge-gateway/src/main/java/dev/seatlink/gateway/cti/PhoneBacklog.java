package dev.seatlink.gateway.cti;

import dev.seatlink.protocol.CallEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The phone events a gateway heard that no one will send it again (from the {@code cti} topic or the AMI link), in the
 * order heard, until the broker has them: a primary's that are not sent yet (its link is down), and a standby's last
 * {@value #STANDBY_KEEP_MS} ms, kept in case the primary died before it forwarded them. Bounded: past
 * {@value #MAX_EVENTS} the oldest is dropped. Pure; not thread-safe (the floor's event loop owns it).
 */
final class PhoneBacklog {
    /** Longer than either lease takes to pass to the standby after the primary's last renewal (6 s), with margin. */
    static final long STANDBY_KEEP_MS = 30_000;
    /** A 2,000-seat floor's phone events of well over a minute. */
    static final int MAX_EVENTS = 10_000;

    private static final class Entry {
        final CallEvent event;
        final long heardAt;
        boolean onItsWay;

        Entry(CallEvent event, long heardAt) {
            this.event = event;
            this.heardAt = heardAt;
        }
    }

    private final int max;
    /** By event id (unique: a repeat is not taken), in the order heard. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private int inFlight;

    PhoneBacklog() {
        this(MAX_EVENTS);
    }

    PhoneBacklog(int max) {
        this.max = max;
    }

    /**
     * An event to send (or, on a standby, to send if it takes over), heard at {@code now}.
     *
     * @return whether the oldest was dropped to make room
     */
    boolean keep(CallEvent event, long now) {
        boolean full = entries.size() >= max;
        if (full) {
            Iterator<Entry> oldest = entries.values().iterator();
            if (oldest.next().onItsWay) {
                inFlight--;
            }
            oldest.remove();
        }
        entries.put(event.id(), new Entry(event, now));
        return full;
    }

    /** A standby's: what it heard before {@code cutoff} the primary has long forwarded (or it has no lease to lose). */
    void forgetHeardBefore(long cutoff) {
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next();
            if (entry.heardAt >= cutoff) {
                return;
            }
            if (!entry.onItsWay) {
                oldestFirst.remove();
            }
        }
    }

    /** The oldest events not yet on their way, so that at most {@code window} are at once: now on their way. */
    List<CallEvent> next(int window) {
        List<CallEvent> next = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (inFlight >= window) {
                break;
            }
            if (!entry.onItsWay) {
                entry.onItsWay = true;
                inFlight++;
                next.add(entry.event);
            }
        }
        return next;
    }

    /** The broker has it. */
    void sent(String id) {
        Entry entry = entries.remove(id);
        if (entry != null && entry.onItsWay) {
            inFlight--;
        }
    }

    /** The broker did not take it: it is sent again, in its place. */
    void failed(String id) {
        Entry entry = entries.get(id);
        if (entry != null && entry.onItsWay) {
            entry.onItsWay = false;
            inFlight--;
        }
    }

    int size() {
        return entries.size();
    }
}
