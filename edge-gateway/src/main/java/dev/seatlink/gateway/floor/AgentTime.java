package dev.seatlink.gateway.floor;

import dev.seatlink.protocol.AgentState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One agent's figures at one seat over a window (a shift so far, or a report's period): the
 * numbers team leaders use in monthly reviews. Times in milliseconds.
 *
 * @param msInState    time in each agent state (every state present)
 * @param contacts     entries into BUSY
 * @param helpRequests hands raised
 * @param helpWaitMs   total time raised hands waited until lowered or taken (still-raised ones up to the window's end)
 * @param helpWaitMaxMs the longest of those waits
 */
public record AgentTime(String seat, String agent, Map<AgentState, Long> msInState, int contacts, int helpRequests,
                        long helpWaitMs, long helpWaitMaxMs) {

    public AgentTime {
        // An enum map, not Map.copyOf: ms(state) is read for every seat several times a second.
        EnumMap<AgentState, Long> copy = new EnumMap<>(AgentState.class);
        copy.putAll(msInState);
        msInState = Collections.unmodifiableMap(copy);
    }

    public long ms(AgentState state) {
        return msInState.getOrDefault(state, 0L);
    }

    /** Busy plus wrap-up time per contact, or 0 without contacts. */
    public long averageHandleMs() {
        return contacts == 0 ? 0 : (ms(AgentState.BUSY) + ms(AgentState.WRAP_UP)) / contacts;
    }

    public long averageWrapUpMs() {
        return contacts == 0 ? 0 : ms(AgentState.WRAP_UP) / contacts;
    }

    /** The sum of two agents' (or seats') figures: for a team, or an agent who used two seats. */
    public AgentTime plus(AgentTime other, String seatLabel, String agentLabel) {
        Map<AgentState, Long> sum = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            sum.put(state, ms(state) + other.ms(state));
        }
        return new AgentTime(seatLabel, agentLabel, sum, contacts + other.contacts, helpRequests + other.helpRequests,
                helpWaitMs + other.helpWaitMs, Math.max(helpWaitMaxMs, other.helpWaitMaxMs));
    }

    static AgentTime zero(String seat, String agent) {
        Map<AgentState, Long> none = new EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            none.put(state, 0L);
        }
        return new AgentTime(seat, agent, none, 0, 0, 0, 0);
    }

    /** Time in state keyed by state name, for JSON. */
    public Map<String, Long> byStateName() {
        Map<String, Long> named = new LinkedHashMap<>();
        for (AgentState state : AgentState.values()) {
            named.put(state.name(), ms(state));
        }
        return named;
    }
}
