package dev.seatlink.gateway.apply;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After the primary takes the floor or its broker link comes back (a node may have died with seats' Last
 * Wills), every seat is asked for a {@code rebirth}, at most {@value #PER_SECOND} a second and at most
 * {@value #MAX_UNANSWERED} asked and not yet answered, so a degraded cluster is not flooded (a slow one gets asks
 * as fast as it answers, and a seat is not shown offline for an answer stuck behind thousands of others); a seat that says nothing within {@value #ANSWER_WITHIN_MS} ms of its ask is shown
 * offline, and one shown so that speaks again is asked once more. Pure: the caller passes the time and sends.
 */
public final class RollCall {
    static final int PER_SECOND = 500;
    static final long ANSWER_WITHIN_MS = 15_000;
    /** Room for the dead seats of a node's death on a large floor besides the living ones' asks. */
    static final int MAX_UNANSWERED = 1_000;

    private final Set<String> toAsk = new LinkedHashSet<>();
    /** Asked and not yet answered, in the order asked (so the overdue are at the front). */
    private final Map<String, Long> asked = new LinkedHashMap<>();
    private final Set<String> givenUp = new LinkedHashSet<>();
    private long lastStep = -1;

    /**
     * Every seat of the floor is to be asked again; one already asked and not yet answered keeps its deadline
     * (so a roll call under way still ends, however often seats move).
     */
    public void start(Collection<String> seats, long now) {
        if (toAsk.isEmpty()) {
            lastStep = now;
        }
        seats.stream().filter(seat -> !asked.containsKey(seat)).forEach(toAsk::add);
    }

    /**
     * The seat's status said whether it is online: its answer. Returns true when it had been shown offline by a roll
     * call (its status is known again anyway).
     */
    public boolean heard(String seat) {
        toAsk.remove(seat);
        asked.remove(seat);
        return givenUp.remove(seat);
    }

    /**
     * The seat sent something else (an event, a state, a result). That is no answer: it may have been queued on the
     * broker before the seat died and delivered only now. Returns true when the seat had been shown offline by a roll
     * call: it should then be asked for a rebirth, so its status is known again if it lives.
     */
    public boolean spoke(String seat) {
        return givenUp.remove(seat);
    }

    /**
     * The seats to ask now, by the rate since the last step; the caller sends each a rebirth.
     */
    public List<String> due(long now) {
        long elapsed = lastStep < 0 ? 0 : Math.max(0, now - lastStep);
        lastStep = now;
        int budget = (int) Math.min(Math.min(toAsk.size(), MAX_UNANSWERED - asked.size()),
                Math.max(1, elapsed * PER_SECOND / 1_000));
        List<String> seats = new ArrayList<>(budget);
        Iterator<String> next = toAsk.iterator();
        while (seats.size() < budget && next.hasNext()) {
            String seat = next.next();
            next.remove();
            asked.put(seat, now);
            seats.add(seat);
        }
        return seats;
    }

    /** The seats that did not answer in time; the caller shows each offline. */
    public List<String> overdue(long now) {
        List<String> late = new ArrayList<>();
        Iterator<Map.Entry<String, Long>> oldest = asked.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Long> entry = oldest.next();
            if (now - entry.getValue() <= ANSWER_WITHIN_MS) {
                break;
            }
            oldest.remove();
            givenUp.add(entry.getKey());
            late.add(entry.getKey());
        }
        return late;
    }

    /** Seats still to be asked or waited for. */
    public int open() {
        return toAsk.size() + asked.size();
    }
}
