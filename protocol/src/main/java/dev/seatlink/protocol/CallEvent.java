package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A phone system's event for one seat, on {@code …/{seat}/call} (gateway → terminal, not retained): what the
 * floor's {@link CtiEvent} said, with the agent mapped to this seat. The terminal applies it with cause
 * {@code phone}: answered → BUSY, ended → WRAP_UP, offered/held/resumed → shown, missed → counted.
 *
 * @param id     the CTI event's id (the terminal ignores one it has just applied)
 * @param callId the call it is about; required for {@code call.*} types
 * @param reason the ACD's pause reason ({@code agent.paused} only)
 */
public record CallEvent(String seat, String id, CallEventType type, String callId,
                        @JsonProperty(required = true) long at, String reason) implements Message, SeatMessage {
    public static final int MAX_REASON_LENGTH = 64;

    public CallEvent {
        Check.id("seat", seat);
        checkCommon(id, type, callId, at, reason);
    }

    static void checkCommon(String id, CallEventType type, String callId, long at, String reason) {
        Check.token("id", id);
        Check.notNull("type", type);
        if (type.aboutACall() || callId != null) {
            Check.token("callId", callId);
        }
        Check.timestamp("at", at);
        if (reason != null) {
            Check.that(type == CallEventType.AGENT_PAUSED, RejectReason.BAD_REASON,
                    "only agent.paused carries a reason, not " + type.wire());
            Check.text("reason", reason, MAX_REASON_LENGTH, true);
        }
    }
}
