package dev.seatlink.terminal.hardware;

import dev.seatlink.protocol.AgentState;

/**
 * Everything the seat display shows at one moment.
 *
 * @param message the latest supervisor message, or null
 */
public record Screen(String seat, String agent, AgentState state, String reason, boolean help,
                     long secondsInState, String message, boolean brokerUp) {

    /** "mm:ss", or "h:mm:ss" from an hour on. */
    public String timeInState() {
        long s = Math.max(0, secondsInState);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }

    /** The state as an agent reads it, e.g. "NOT READY (break)". */
    public String stateText() {
        String text = state.name().replace('_', ' ');
        return reason == null ? text : text + " (" + reason + ")";
    }
}
