package dev.seatlink.gateway.moves;

import dev.seatlink.protocol.FloorMoves;

/**
 * A seat put in another team by a duty or centre manager while the floor runs.
 *
 * @param seat  the seat moved
 * @param agent the agent it was moved for (who sat there), or null when the seat itself was moved
 * @param from  its team before the move (the site config's, or an earlier move's)
 * @param to    the team it is in now
 * @param until when the move ends (the running shift's end, ms since epoch), or 0 for good
 * @param by    who moved it
 * @param at    when (gateway clock)
 */
public record Move(String seat, String agent, String from, String to, long until, String by, long at) {

    public boolean forGood() {
        return until == 0;
    }

    /** Whether the move still holds at {@code now}. */
    public boolean holdsAt(long now) {
        return forGood() || now < until;
    }

    /** As the floor's {@code moves} topic carries it. */
    public FloorMoves.Entry toEntry() {
        return new FloorMoves.Entry(seat, agent, from, to, until, by, at);
    }

    public static Move of(FloorMoves.Entry entry) {
        return new Move(entry.seat(), entry.agent(), entry.from(), entry.to(), entry.until(), entry.by(), entry.at());
    }

    /** For the audit trail. */
    public String describe() {
        return (agent == null ? "" : "agent " + agent + ": ") + from + " -> " + to
                + (forGood() ? " for good" : " for the rest of the shift");
    }
}
