package dev.seatlink.gateway.agents;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The floor's agents by id and by badge, as one immutable snapshot: an import or an edit makes a new one. */
public final class AgentDirectory {
    public static final AgentDirectory EMPTY = new AgentDirectory(List.of());
    /** More agents than a floor (or a centre) has: an import beyond it is refused. */
    public static final int MAX_AGENTS = 20_000;

    private final Map<String, Agent> byId = new LinkedHashMap<>();
    private final Map<String, Agent> byBadge = new LinkedHashMap<>();

    /** @param agents checked already: unique ids and badges */
    public AgentDirectory(Collection<Agent> agents) {
        for (Agent agent : agents) {
            byId.put(agent.id(), agent);
            if (agent.badge() != null) {
                byBadge.put(agent.badge(), agent);
            }
        }
    }

    public Optional<Agent> agent(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Optional<Agent> byBadge(String badge) {
        return Optional.ofNullable(byBadge.get(badge));
    }

    /** The name to show for an agent id, or null when the directory does not know it. */
    public String nameOf(String id) {
        Agent agent = id == null ? null : byId.get(id);
        return agent == null ? null : agent.name();
    }

    public List<Agent> all() {
        return List.copyOf(byId.values());
    }

    public int size() {
        return byId.size();
    }

    /** This directory with {@code agent} added or replaced. */
    public AgentDirectory with(Agent agent) {
        Map<String, Agent> next = new LinkedHashMap<>(byId);
        next.put(agent.id(), agent);
        return new AgentDirectory(next.values());
    }
}
