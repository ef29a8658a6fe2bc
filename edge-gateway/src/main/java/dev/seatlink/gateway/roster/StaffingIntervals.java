package dev.seatlink.gateway.roster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The roster's count of agents scheduled to work, per 15-minute interval. Pure. */
public final class StaffingIntervals {
    public static final long INTERVAL_MS = 15 * 60_000L;

    private StaffingIntervals() {
    }

    /** The start of the interval holding {@code at}. */
    public static long intervalOf(long at) {
        return Math.floorDiv(at, INTERVAL_MS) * INTERVAL_MS;
    }

    /**
     * For each interval from the one holding {@code from} up to {@code to}: how many of {@code agents} the roster
     * has working at its middle.
     */
    public static List<Integer> scheduled(Roster roster, Collection<String> agents, long from, long to) {
        List<Integer> counts = new ArrayList<>();
        for (long start = intervalOf(from); start < to; start += INTERVAL_MS) {
            long middle = start + INTERVAL_MS / 2;
            counts.add((int) agents.stream().filter(a -> roster.activityAt(a, middle) == Activity.WORK).count());
        }
        return counts;
    }
}
