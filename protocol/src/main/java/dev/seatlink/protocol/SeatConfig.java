package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Retained on {@code …/{seat}/config}, written by the gateway from the site's seat map.
 *
 * @param agent         the agent assigned to the seat, if any
 * @param reasons       not-ready reason codes, in the order the Not ready button cycles them
 * @param wrapUpSeconds how long WRAP_UP lasts before the terminal moves on by itself (0 = until a button)
 * @param wrapUpThen    READY or NOT_READY (with the first reason) when the wrap-up timer ends
 * @param lastSeq       the highest event seq the floor holds for the seat, or null: a terminal whose journal
 *                      is behind it (a replaced Pi, a lost data directory) continues above it
 * @param phone         how the seat follows its phone system's calls, or null when its team has no CTI
 */
public record SeatConfig(
        String seat,
        String agent,
        String team,
        List<String> reasons,
        @JsonProperty(required = true) int wrapUpSeconds,
        AgentState wrapUpThen,
        Long lastSeq,
        PhoneRules phone) implements Message, SeatMessage {

    public static final int MAX_WRAP_UP_SECONDS = 3600;
    /** The reason a supervisor's force not ready carries; every seat accepts it without configuring it. */
    public static final String SUPERVISOR_REASON = "supervisor";
    public static final int MAX_REASONS = 16;

    public SeatConfig {
        Check.id("seat", seat);
        Check.optionalId("agent", agent);
        Check.id("team", team);
        reasons = Check.ids("reasons", reasons);
        Check.that(!reasons.isEmpty() && reasons.size() <= MAX_REASONS, RejectReason.BAD_VALUE,
                "reasons must list 1-" + MAX_REASONS + " codes");
        Check.that(wrapUpSeconds >= 0 && wrapUpSeconds <= MAX_WRAP_UP_SECONDS, RejectReason.BAD_VALUE,
                "wrapUpSeconds must be 0-" + MAX_WRAP_UP_SECONDS);
        Check.notNull("wrapUpThen", wrapUpThen);
        Check.that(wrapUpThen == AgentState.READY || wrapUpThen == AgentState.NOT_READY, RejectReason.BAD_VALUE,
                "wrapUpThen must be READY or NOT_READY");
        Check.that(lastSeq == null || (lastSeq >= 0 && lastSeq <= SeatEvent.MAX_SEQ), RejectReason.BAD_VALUE,
                "lastSeq must be 0-" + SeatEvent.MAX_SEQ);
    }

    /** A config that says nothing of the floor's seq, for a seat without CTI. */
    public SeatConfig(String seat, String agent, String team, List<String> reasons, int wrapUpSeconds,
                      AgentState wrapUpThen) {
        this(seat, agent, team, reasons, wrapUpSeconds, wrapUpThen, null, null);
    }

    /** The same config telling the seat the highest seq the floor holds for it. */
    public SeatConfig withLastSeq(long seq) {
        return new SeatConfig(seat, agent, team, reasons, wrapUpSeconds, wrapUpThen, seq, phone);
    }

    /** Whether a not ready with {@code reason} fits this seat: one of its reasons, or one every seat of its kind takes. */
    public boolean takesReason(String reason) {
        return reasons.contains(reason) || SUPERVISOR_REASON.equals(reason)
                || (phone != null && PhoneRules.MISSED_REASON.equals(reason));
    }
}
