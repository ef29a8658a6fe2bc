package dev.seatlink.gateway.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Staffed and ready agents per team per 15-minute interval, as the floor's tick last saw them in it (so an interval
 * that has ended holds its last second). The last {@value #KEPT_HOURS} hours are kept. Pure; the floor's context
 * owns it.
 */
public final class StaffingSamples {
    static final int KEPT_HOURS = 26;

    /** One team's interval. */
    public record Sample(long start, int staffed, int ready) {
    }

    private final Map<String, TreeMap<Long, Sample>> byTeam = new HashMap<>();

    /** @param staffedAndReady per team: agents signed in, and of them ready */
    public void sample(long now, Map<String, int[]> staffedAndReady) {
        long interval = StaffingIntervals.intervalOf(now);
        staffedAndReady.forEach((team, figures) -> {
            TreeMap<Long, Sample> samples = byTeam.computeIfAbsent(team, t -> new TreeMap<>());
            samples.put(interval, new Sample(interval, figures[0], figures[1]));
            samples.headMap(now - KEPT_HOURS * 3_600_000L).clear();
        });
        byTeam.keySet().retainAll(staffedAndReady.keySet());
    }

    /** The team's samples from the interval holding {@code from} up to {@code to}, oldest first. */
    public List<Sample> of(String team, long from, long to) {
        TreeMap<Long, Sample> samples = byTeam.get(team);
        return samples == null ? List.of()
                : new ArrayList<>(samples.subMap(StaffingIntervals.intervalOf(from), true, to, false).values());
    }
}
