package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the floor's primary gateway writes into the shift's records, on {@code …/{floor}/shift} (not retained, to
 * every gateway's persistent session): a duty-log line ({@code type} {@code log}) or the acknowledgement of a shift's
 * handover ({@code ack}). The floor's other gateway keeps the same records, so its handover after a failover has the
 * whole log.
 *
 * @param ref    the line's unique reference (its id on every gateway)
 * @param at     when it was written or acknowledged (gateway clock)
 * @param by     who wrote or acknowledged it
 * @param kind   a line's kind: incident, staffing or note
 * @param text   a line's text, 1–{@value #MAX_TEXT} characters
 * @param open   whether a line is left open for the next shift
 * @param shift  the acknowledged handover's shift start
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShiftRecord(String type, String ref, @JsonProperty(required = true) long at, String by, String kind,
                          String text, Boolean open, Long shift) implements Message {
    public static final String LOG = "log";
    public static final String ACK = "ack";
    public static final List<String> KINDS = List.of("incident", "staffing", "note");
    public static final int MAX_TEXT = 2_000;
    /** The largest payload: a line of 2,000 characters of any script. */
    public static final int MAX_BYTES = 16 * 1024;

    public ShiftRecord {
        Check.that(LOG.equals(type) || ACK.equals(type), RejectReason.BAD_VALUE, "type must be log or ack");
        Check.token("ref", ref);
        Check.timestamp("at", at);
        Check.id("by", by);
        if (LOG.equals(type)) {
            Check.that(KINDS.contains(kind), RejectReason.BAD_VALUE, "kind must be one of " + KINDS);
            Check.that(text != null && !text.isBlank() && text.length() <= MAX_TEXT, RejectReason.BAD_VALUE,
                    "text must be 1-" + MAX_TEXT + " characters");
            Check.that(shift == null, RejectReason.BAD_VALUE, "a log line has no shift");
        } else {
            Check.that(kind == null && text == null && open == null, RejectReason.BAD_VALUE,
                    "an acknowledgement carries its shift only");
            Check.notNull("shift", shift);
            Check.timestamp("shift", shift);
        }
    }

    public static ShiftRecord line(String ref, long at, String by, String kind, String text, boolean open) {
        return new ShiftRecord(LOG, ref, at, by, kind, text, open, null);
    }

    public static ShiftRecord acknowledgement(String ref, long at, String by, long shift) {
        return new ShiftRecord(ACK, ref, at, by, null, null, null, shift);
    }
}
