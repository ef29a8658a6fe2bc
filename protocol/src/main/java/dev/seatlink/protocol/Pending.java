package dev.seatlink.protocol;

/**
 * A state the agent asked for while on a contact, taken when the contact and its wrap-up end: Not ready with
 * its reason, or signed out. Carried as the optional {@code pending} of {@code state} and {@code event}
 * ({@code {"state":"NOT_READY","reason":"break"}}); absent or null when there is none.
 */
public record Pending(AgentState state, String reason) {
    public Pending {
        Check.notNull("pending.state", state);
        Check.that(state == AgentState.NOT_READY || state == AgentState.LOGGED_OUT, RejectReason.BAD_VALUE,
                "pending.state must be NOT_READY or LOGGED_OUT, was " + state);
        Check.reasonFits(state, reason);
    }

    public static Pending notReady(String reason) {
        return new Pending(AgentState.NOT_READY, reason);
    }

    public static Pending signOut() {
        return new Pending(AgentState.LOGGED_OUT, null);
    }

    /** What the seat display shows after "Next:": the reason ("break"), or "sign out". */
    public String text() {
        return state == AgentState.LOGGED_OUT ? "sign out" : reason;
    }
}
