package dev.seatlink.terminal.phone;

import dev.seatlink.protocol.CallEventType;
import dev.seatlink.terminal.display.Screen;
import java.util.Objects;

/**
 * What the phone is doing now, for the display and the light: a call ringing, a call on hold and how long the
 * current call has been held in all. Pure; times are the terminal's clock when each event arrived (the phone
 * system's clock may differ from the seat's).
 */
public final class CallProgress {
    /** An offer whose answer or miss never arrives stops showing after this long. */
    static final long RING_LIMIT_MS = 120_000;

    private String ringing;
    private long ringingSince;
    private String call;
    private long heldSince = -1;
    private long heldMs;

    /** Takes in one phone event that arrived at {@code now}. */
    public void apply(CallEventType type, String callId, long now) {
        switch (type) {
            case CALL_OFFERED -> {
                ringing = callId;
                ringingSince = now;
            }
            case CALL_ANSWERED -> {
                stopRinging(callId);
                startCall(callId);
            }
            case CALL_HELD -> {
                if (!callId.equals(call)) {
                    startCall(callId);
                }
                if (heldSince < 0) {
                    heldSince = now;
                }
            }
            case CALL_RESUMED -> {
                if (callId.equals(call) && heldSince >= 0) {
                    heldMs += now - heldSince;
                    heldSince = -1;
                }
            }
            case CALL_ENDED -> {
                stopRinging(callId);
                if (call == null || call.equals(callId)) {
                    call = null;
                    heldSince = -1;
                    heldMs = 0;
                }
            }
            case CALL_MISSED -> stopRinging(callId);
            case AGENT_LOGOUT -> {
                ringing = null;
                call = null;
                heldSince = -1;
                heldMs = 0;
            }
            default -> {
                // login, wrap-up end and the ACD's pause change nothing the phone shows
            }
        }
    }

    private void startCall(String callId) {
        call = callId;
        heldSince = -1;
        heldMs = 0;
    }

    private void stopRinging(String callId) {
        if (Objects.equals(ringing, callId)) {
            ringing = null;
        }
    }

    public boolean ringing(long now) {
        return ringing != null && now - ringingSince < RING_LIMIT_MS;
    }

    /** The hold time of the current call so far, the running hold included. */
    public long heldMs(long now) {
        return heldMs + (heldSince >= 0 ? now - heldSince : 0);
    }

    /** One short line for the display: "RINGING", "ON HOLD 00:42", "held 01:10", or null when there is nothing to say. */
    public String text(long now) {
        if (ringing(now)) {
            return "RINGING";
        }
        if (heldSince >= 0) {
            return "ON HOLD " + Screen.clock(heldMs(now) / 1000);
        }
        return call != null && heldMs > 0 ? "held " + Screen.clock(heldMs / 1000) : null;
    }
}
