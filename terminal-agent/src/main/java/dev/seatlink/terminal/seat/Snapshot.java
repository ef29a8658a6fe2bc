package dev.seatlink.terminal.seat;

import dev.seatlink.protocol.AgentState;
import java.util.Objects;

/**
 * What the seat shows at one moment.
 *
 * @param agent  the agent signed in, or assigned to the seat when logged out; may be null
 * @param reason the not-ready reason, only with NOT_READY
 * @param since  when {@code state} began; help changes do not restart it
 */
public record Snapshot(String agent, AgentState state, String reason, boolean help, long since) {
    public Snapshot {
        Objects.requireNonNull(state, "state");
        if ((state == AgentState.NOT_READY) != (reason != null)) {
            throw new IllegalArgumentException("a reason goes with NOT_READY and nothing else: " + state + "/" + reason);
        }
        if (help && state == AgentState.LOGGED_OUT) {
            throw new IllegalArgumentException("LOGGED_OUT cannot carry help");
        }
    }

    public static Snapshot loggedOut(String agent, long since) {
        return new Snapshot(agent, AgentState.LOGGED_OUT, null, false, since);
    }
}
