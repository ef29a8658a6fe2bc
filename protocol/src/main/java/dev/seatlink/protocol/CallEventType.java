package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a phone system (ACD) says happened to an agent or a call, normalised: the {@code type} of a {@link CtiEvent}
 * and of the {@link CallEvent} the gateway forwards to the seat. The wire value is the dotted lowercase name,
 * e.g. {@code call.answered}.
 */
public enum CallEventType {
    AGENT_LOGIN(false),
    AGENT_LOGOUT(false),
    CALL_OFFERED(true),
    CALL_ANSWERED(true),
    CALL_HELD(true),
    CALL_RESUMED(true),
    CALL_ENDED(true),
    CALL_MISSED(true),
    WRAPUP_ENDED(false),
    AGENT_PAUSED(false),
    AGENT_UNPAUSED(false);

    private final boolean aboutACall;
    private final String wire;

    CallEventType(boolean aboutACall) {
        this.aboutACall = aboutACall;
        this.wire = name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }

    /** A {@code call.*} type: the event names its call ({@code callId} required). */
    public boolean aboutACall() {
        return aboutACall;
    }

    /** The queue pause as the ACD reports it: the gateway keeps it in step and does not forward it to the seat. */
    public boolean aboutThePause() {
        return this == AGENT_PAUSED || this == AGENT_UNPAUSED;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** The type of a wire value; an unknown one is refused as {@code bad_value}. */
    @JsonCreator
    public static CallEventType of(String wire) {
        for (CallEventType type : values()) {
            if (type.wire.equals(wire)) {
                return type;
            }
        }
        throw new ProtocolViolation(RejectReason.BAD_VALUE, "type '" + Ids.printable(wire) + "' is not one of "
                + java.util.Arrays.stream(values()).map(CallEventType::wire).toList());
    }
}
