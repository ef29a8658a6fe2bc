package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The seats moved to other teams on a floor, on {@code …/{floor}/moves}, retained: the primary gateway publishes
 * the whole list after each change, so the floor's other gateway — and whichever holds the lease next — runs the
 * same teams. At most {@value #MAX_MOVES}.
 */
public record FloorMoves(@JsonProperty(required = true) long ts, List<Entry> moves) implements Message {
    public static final int MAX_MOVES = 1_000;

    /**
     * One seat's move: from a team to another, until a time (0: for good), by whom and when; {@code agent} the agent
     * it was moved for, when an agent was moved.
     */
    public record Entry(String seat, String agent, String from, String to, @JsonProperty(required = true) long until,
                        String by, @JsonProperty(required = true) long at) {
        public Entry {
            Check.id("seat", seat);
            Check.optionalId("agent", agent);
            Check.id("from", from);
            Check.id("to", to);
            Check.that(until == 0 || until >= Check.EARLIEST_MS && until <= Check.LATEST_MS, RejectReason.BAD_VALUE,
                    "until must be 0 (for good) or ms since epoch between 2020 and 2100");
            Check.id("by", by);
            Check.timestamp("at", at);
        }
    }

    public FloorMoves {
        Check.timestamp("ts", ts);
        Check.notNull("moves", moves);
        moves = List.copyOf(moves);
        Check.that(moves.size() <= MAX_MOVES, RejectReason.BAD_VALUE, "at most " + MAX_MOVES + " moves");
    }
}
