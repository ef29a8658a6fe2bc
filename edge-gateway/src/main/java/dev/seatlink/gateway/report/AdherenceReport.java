package dev.seatlink.gateway.report;

import dev.seatlink.gateway.roster.Adherence;
import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.SeatEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each agent's adherence to the roster over a period, from the store: a day at a time, so memory holds one day's
 * changes of the seats asked for, whatever the period. An agent's states are one timeline over every seat they
 * sat at that day. Blocking: a worker's thread.
 */
public final class AdherenceReport {
    static final long DAY_MS = 86_400_000L;

    private AdherenceReport() {
    }

    /** @param agents the agents to figure (others' events are skipped) */
    public static Map<String, Adherence.Figures> of(EventStore store, Roster roster, long from, long to,
                                                    List<String> seats, java.util.Set<String> agents) {
        Map<String, Adherence.Figures> figures = new HashMap<>();
        Map<String, AgentState> stateAtDayStart = new HashMap<>();
        for (long day = from; day < to; day += DAY_MS) {
            long end = Math.min(day + DAY_MS, to);
            Map<String, List<SeatEvent>> byAgent = new HashMap<>();
            if (!seats.isEmpty()) {
                store.window(day, end, seats, event -> {
                    if (event.agent() != null && agents.contains(event.agent())) {
                        byAgent.computeIfAbsent(event.agent(), a -> new ArrayList<>()).add(event);
                    }
                });
            }
            for (String agent : agents) {
                List<SeatEvent> events = byAgent.getOrDefault(agent, List.of());
                List<SeatEvent> ordered = new ArrayList<>(events);
                ordered.sort(Comparator.comparingLong(SeatEvent::at));
                AgentState initial = stateAtDayStart.getOrDefault(agent,
                        ordered.isEmpty() ? AgentState.LOGGED_OUT : ordered.get(0).from());
                List<Adherence.Change> changes = ordered.stream()
                        .map(e -> new Adherence.Change(e.at(), e.to())).toList();
                Adherence.Figures inDay = Adherence.of(roster.of(agent, day, end), initial, changes, day, end);
                figures.merge(agent, inDay, Adherence.Figures::plus);
                stateAtDayStart.put(agent, changes.isEmpty() ? initial : changes.get(changes.size() - 1).state());
            }
        }
        return figures;
    }
}
