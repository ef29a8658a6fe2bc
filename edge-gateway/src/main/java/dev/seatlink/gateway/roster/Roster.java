package dev.seatlink.gateway.roster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every agent's scheduled shifts, as the last roster import gave them. Immutable; pure. */
public final class Roster {
    public static final Roster EMPTY = new Roster(List.of());
    /** A roster with more shifts than this is refused (a year of 1,000 agents is ~260,000). */
    public static final int MAX_SHIFTS = 400_000;

    private final List<Schedule> all;
    private final Map<String, List<Schedule>> byAgent = new LinkedHashMap<>();

    public Roster(Collection<Schedule> schedules) {
        this.all = List.copyOf(schedules);
        all.forEach(s -> byAgent.computeIfAbsent(s.agent(), a -> new ArrayList<>()).add(s));
        byAgent.values().forEach(list -> list.sort(java.util.Comparator.comparingLong(s -> s.shift().start())));
    }

    public List<Schedule> all() {
        return all;
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** The agent's shifts that overlap {@code [from, to)}, in order. */
    public List<Schedule> of(String agent, long from, long to) {
        return byAgent.getOrDefault(agent, List.of()).stream()
                .filter(s -> s.shift().overlap(from, to) > 0).toList();
    }

    /** The agent's shift running at {@code at}, if any. */
    public Optional<Schedule> at(String agent, long at) {
        return byAgent.getOrDefault(agent, List.of()).stream().filter(s -> s.shift().contains(at)).findFirst();
    }

    public Activity activityAt(String agent, long at) {
        return at(agent, at).map(s -> s.activityAt(at)).orElse(Activity.OFF);
    }

    /** Agents the roster schedules at all. */
    public Collection<String> agents() {
        return byAgent.keySet();
    }
}
