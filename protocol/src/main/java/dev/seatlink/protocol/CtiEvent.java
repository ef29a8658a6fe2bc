package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A phone system's event as the floor takes it in, on {@code seatlink/v1/{site}/{floor}/cti} (from the floor's
 * {@code cti} login) or as the body of the gateway's {@code POST /api/cti/events}: normalised, whatever the ACD.
 * The gateway maps {@code agent} to a seat by the site config and forwards a {@link CallEvent} to it.
 *
 * @param id     the event's unique id; a repeat of one already taken is ignored
 * @param agent  the ACD's name for the agent or device ({@code PJSIP/1012}, a Twilio worker sid, …)
 * @param callId the call it is about; required for {@code call.*} types
 * @param at     when the ACD says it happened
 * @param reason the pause reason of {@code agent.paused}, as the ACD gives it; nothing else carries one
 * @param waitMs on {@code call.answered}, how long the caller waited in the queue, if the ACD says (for the average
 *               speed of answer); null otherwise
 */
public record CtiEvent(String id, CallEventType type, String agent, String callId,
                       @JsonProperty(required = true) long at, String reason, Long waitMs) implements Message {
    /** The longest ACD name: Amazon Connect's agent ARNs are over 100 characters. */
    public static final int MAX_AGENT_LENGTH = 160;
    /** A caller's queue wait longer than a day is a unit mistake (µs, s), not a wait. */
    public static final long MAX_WAIT_MS = 86_400_000L;

    public CtiEvent {
        CallEvent.checkCommon(id, type, callId, at, reason);
        Check.text("agent", agent, MAX_AGENT_LENGTH, false);
        Check.that(waitMs == null || type == CallEventType.CALL_ANSWERED, RejectReason.BAD_VALUE,
                "only call.answered carries waitMs");
        Check.that(waitMs == null || (waitMs >= 0 && waitMs <= MAX_WAIT_MS), RejectReason.BAD_VALUE,
                "waitMs must be 0-" + MAX_WAIT_MS);
    }

    /** An event without a queue wait. */
    public CtiEvent(String id, CallEventType type, String agent, String callId, long at, String reason) {
        this(id, type, agent, callId, at, reason, null);
    }

    /** The event for {@code seat}, as the gateway forwards it. */
    public CallEvent toSeat(String seat) {
        return new CallEvent(seat, id, type, callId, at, reason);
    }
}
