package dev.seatlink.terminal.display;

import dev.seatlink.protocol.AgentState;

/**
 * Everything the seat display shows at one moment.
 *
 * @param agent          the agent, or null
 * @param secondsInState time in the current state
 * @param message        the supervisor's message, or null
 * @param picking        the reason shown by the open reason picker (e.g. "lunch 2/5"), or null
 * @param next           what is pending after the contact ("break", "sign out"), or null
 * @param call           what the phone is doing ("RINGING", "ON HOLD 00:42"), or null
 */
public record Screen(String seat, String agent, AgentState state, String reason, boolean help,
                     long secondsInState, String message, boolean brokerUp, boolean gatewayUp, String picking,
                     boolean diskOk, String next, String call) {

    /** A screen without a phone call to show. */
    public Screen(String seat, String agent, AgentState state, String reason, boolean help, long secondsInState,
                  String message, boolean brokerUp, boolean gatewayUp, String picking, boolean diskOk, String next) {
        this(seat, agent, state, reason, help, secondsInState, message, brokerUp, gatewayUp, picking, diskOk, next, null);
    }

    /** A screen with nothing pending. */
    public Screen(String seat, String agent, AgentState state, String reason, boolean help, long secondsInState,
                  String message, boolean brokerUp, boolean gatewayUp, String picking, boolean diskOk) {
        this(seat, agent, state, reason, help, secondsInState, message, brokerUp, gatewayUp, picking, diskOk, null);
    }

    /** A screen whose journal's disk takes writes. */
    public Screen(String seat, String agent, AgentState state, String reason, boolean help, long secondsInState,
                  String message, boolean brokerUp, boolean gatewayUp, String picking) {
        this(seat, agent, state, reason, help, secondsInState, message, brokerUp, gatewayUp, picking, true);
    }

    /** "mm:ss", or "h:mm:ss" from an hour on. */
    public String timeInState() {
        return clock(secondsInState);
    }

    /** A duration as the display shows it: "mm:ss", or "h:mm:ss" from an hour on. */
    public static String clock(long seconds) {
        long s = Math.max(0, seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }

    /** The state as an agent reads it, e.g. "NOT READY". */
    public String stateWord() {
        return switch (state) {
            case READY -> "READY";
            case NOT_READY -> "NOT READY";
            case BUSY -> "BUSY";
            case WRAP_UP -> "WRAP-UP";
            case LOGGED_OUT -> "LOGGED OUT";
        };
    }

    /** The state with its reason, e.g. "NOT READY break", or with what is pending, "BUSY Next: break". */
    public String stateText() {
        String text = reason == null ? stateWord() : stateWord() + " " + reason;
        return next == null ? text : text + " " + nextText();
    }

    /** "Next: break" while something is pending, else null. */
    public String nextText() {
        return next == null ? null : "Next: " + next;
    }

    /** The link (or the disk) in a few words: empty when all is well. */
    public String linkText() {
        if (!diskOk) {
            return "NO DISK"; // presses are not kept over a restart: for a technician, link or not
        }
        if (!brokerUp) {
            return "NO LINK";
        }
        return gatewayUp ? "" : "NO GATEWAY";
    }

    /** The same screen with the clock at zero, to tell real changes from the ticking time. */
    public Screen withoutTime() {
        return new Screen(seat, agent, state, reason, help, 0, message, brokerUp, gatewayUp, picking, diskOk, next, call);
    }
}
