package dev.seatlink.gateway.shift;

import java.util.List;

/**
 * One line of the duty manager's shift log.
 *
 * @param id     its place in the log (0 before it is written)
 * @param at     when it was written (gateway clock)
 * @param author who wrote it
 * @param kind   incident, staffing or note
 * @param text   what happened, up to {@value #MAX_TEXT} characters
 * @param open   still to be dealt with: the handover lists it among the open items
 * @param ref    its reference on every gateway of the floor (the id is this gateway's own)
 */
public record DutyLogEntry(long id, long at, String author, String kind, String text, boolean open, String ref) {
    public static final List<String> KINDS = List.of("incident", "staffing", "note");
    public static final int MAX_TEXT = 2_000;

    /** Why the entry cannot be written, or null when it can. */
    public static String problem(String kind, String text) {
        if (!KINDS.contains(kind)) {
            return "kind: must be one of " + KINDS;
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            return "text: must be 1-" + MAX_TEXT + " characters";
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            return "text: no control characters but new lines and tabs";
        }
        return null;
    }
}
