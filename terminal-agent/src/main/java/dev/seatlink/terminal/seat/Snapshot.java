package dev.seatlink.terminal.seat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Pending;
import java.util.Objects;

/**
 * What the seat shows at one moment.
 *
 * @param agent  the agent signed in, or assigned to the seat when logged out; may be null
 * @param reason the not-ready reason, only with NOT_READY
 * @param since  when {@code state} began; help changes do not restart it
 * @param pending what the agent (or a supervisor) asked for during the contact, taken when it and its wrap-up
 *                end; null for none, and only in BUSY or WRAP_UP
 */
public record Snapshot(String agent, AgentState state, String reason, boolean help, long since, Pending pending) {
    public Snapshot {
        Objects.requireNonNull(state, "state");
        if ((state == AgentState.NOT_READY) != (reason != null)) {
            throw new IllegalArgumentException("a reason goes with NOT_READY and nothing else: " + state + "/" + reason);
        }
        if (help && state == AgentState.LOGGED_OUT) {
            throw new IllegalArgumentException("LOGGED_OUT cannot carry help");
        }
        if (pending != null && state != AgentState.BUSY && state != AgentState.WRAP_UP) {
            throw new IllegalArgumentException("only a contact (BUSY, WRAP_UP) has a pending state: " + state);
        }
    }

    /** A snapshot with nothing pending. */
    public Snapshot(String agent, AgentState state, String reason, boolean help, long since) {
        this(agent, state, reason, help, since, null);
    }

    /** Whether the agent is on a contact: its talk or its wrap-up. */
    public boolean onContact() {
        return state == AgentState.BUSY || state == AgentState.WRAP_UP;
    }

    public static Snapshot loggedOut(String agent, long since) {
        return new Snapshot(agent, AgentState.LOGGED_OUT, null, false, since);
    }
}
