package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The retained snapshot on {@code …/{seat}/state}: what the seat is doing now.
 *
 * @param agent  the signed-in or assigned agent; absent when the seat has none
 * @param reason the not-ready reason; present exactly when {@code state} is NOT_READY
 * @param since  when the current state began (terminal clock)
 * @param seq    the seq of the last event this snapshot reflects (0 before any event)
 * @param pending the state the agent asked for during the contact, taken when it ends; null for none
 */
public record SeatState(
        String seat,
        String agent,
        AgentState state,
        String reason,
        @JsonProperty(required = true) boolean help,
        @JsonProperty(required = true) long since,
        @JsonProperty(required = true) long seq,
        String boot,
        Pending pending) implements Message, SeatMessage {

    public SeatState {
        Check.id("seat", seat);
        Check.optionalId("agent", agent);
        Check.notNull("state", state);
        Check.reasonFits(state, reason);
        Check.that(!(help && state == AgentState.LOGGED_OUT), RejectReason.BAD_VALUE,
                "LOGGED_OUT cannot carry help");
        Check.timestamp("since", since);
        Check.that(seq >= 0 && seq <= SeatEvent.MAX_SEQ, RejectReason.BAD_VALUE,
                "seq must be 0-" + SeatEvent.MAX_SEQ + ", was " + seq);
        Check.token("boot", boot);
        Check.that(pending == null || state == AgentState.BUSY || state == AgentState.WRAP_UP, RejectReason.BAD_VALUE,
                "a pending state waits for a contact to end: only BUSY or WRAP_UP carry one");
    }

    /** A snapshot with nothing pending. */
    public SeatState(String seat, String agent, AgentState state, String reason, boolean help, long since, long seq,
                     String boot) {
        this(seat, agent, state, reason, help, since, seq, boot, null);
    }
}
