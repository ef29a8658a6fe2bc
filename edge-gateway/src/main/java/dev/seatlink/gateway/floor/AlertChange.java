package dev.seatlink.gateway.floor;

/**
 * An alert raised or cleared: the stream's {@code alert} event.
 *
 * @param change raised or cleared
 * @param at     when (gateway clock)
 */
public record AlertChange(String change, Alert alert, long at) {
    public static final String RAISED = "raised";
    public static final String CLEARED = "cleared";
}
