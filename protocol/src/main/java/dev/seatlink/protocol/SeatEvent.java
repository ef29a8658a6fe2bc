package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One transition on {@code …/{seat}/event}, never retained. {@code (seat, seq)} is its identity.
 *
 * @param help  the help flag after the transition; a raise or lower alone is an event with from = to
 * @param at    when it happened (terminal clock)
 * @param seq   per-seat counter that only grows, across reboots too
 * @param pending the state asked for during a contact, taken when it and its wrap-up end; null for none (a
 *                setting or cancelling of it alone is an event with from = to, like a raised hand)
 */
public record SeatEvent(
        String seat,
        String agent,
        AgentState from,
        AgentState to,
        String reason,
        @JsonProperty(required = true) boolean help,
        @JsonProperty(required = true) long at,
        @JsonProperty(required = true) long seq,
        String boot,
        Cause cause,
        Pending pending) implements Message, SeatMessage {

    /**
     * The largest seq: 2^53 - 1, the largest integer every JSON reader (the wallboard's JavaScript among them)
     * holds exactly. A terminal pressing a button every second would need 285 million years to reach it.
     */
    public static final long MAX_SEQ = (1L << 53) - 1;

    public SeatEvent {
        Check.id("seat", seat);
        Check.optionalId("agent", agent);
        Check.notNull("from", from);
        Check.notNull("to", to);
        Check.reasonFits(to, reason);
        Check.that(!(help && to == AgentState.LOGGED_OUT), RejectReason.BAD_VALUE, "LOGGED_OUT cannot carry help");
        Check.timestamp("at", at);
        Check.that(seq > 0 && seq <= MAX_SEQ, RejectReason.BAD_VALUE, "seq must be 1-" + MAX_SEQ + ", was " + seq);
        Check.token("boot", boot);
        Check.notNull("cause", cause);
        Check.that(pending == null || to == AgentState.BUSY || to == AgentState.WRAP_UP, RejectReason.BAD_VALUE,
                "a pending state waits for a contact to end: only BUSY or WRAP_UP carry one");
    }

    /** An event with nothing pending. */
    public SeatEvent(String seat, String agent, AgentState from, AgentState to, String reason, boolean help, long at,
                     long seq, String boot, Cause cause) {
        this(seat, agent, from, to, reason, help, at, seq, boot, cause, null);
    }

    /** The snapshot this event leaves behind, given when the resulting state began. */
    public SeatState toState(long since) {
        return new SeatState(seat, agent, to, reason, help, since, seq, boot, pending);
    }
}
