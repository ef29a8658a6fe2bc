package dev.seatlink.gateway.floor;

/**
 * One seat as the wallboard and {@code /api/seats/{seat}} show it.
 *
 * @param state     the agent state, or {@code OFFLINE} while the terminal is not connected
 * @param since     when {@code state} began (terminal clock; for OFFLINE the gateway's receive time), or null if never seen
 * @param online    whether the terminal is connected
 * @param seq       the last event seq applied (0 before any)
 * @param skill     the agent's skill tier (novice, regular, expert)
 * @param helpSince when the raised hand went up (terminal clock), or null while none is raised
 * @param pending   what the agent or a supervisor asked for during the contact, taken when it ends; null for none
 * @param agentName the agent's name from the agent directory, or null when it has none
 */
public record SeatView(String seat, String team, String agent, String state, String reason, boolean help, Long since,
                       boolean online, long seq, int x, int y, String skill, Long helpSince,
                       dev.seatlink.protocol.Pending pending, String agentName) {
    public static final String OFFLINE = "OFFLINE";

    /** Whether an agent is signed in at the seat now: its terminal is connected and reports them signed in. */
    public boolean signedIn() {
        return online && agent != null && !OFFLINE.equals(state)
                && !dev.seatlink.protocol.AgentState.LOGGED_OUT.name().equals(state);
    }
}
