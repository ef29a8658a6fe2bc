package dev.seatlink.protocol;

/**
 * Why an inbound message was refused. The {@link #label()} is what {@code /metrics} shows, so it is
 * part of the operator-facing contract: add values, never rename them.
 */
public enum RejectReason {
    EMPTY("empty"),
    TOO_LARGE("too_large"),
    NOT_UTF8("not_utf8"),
    MALFORMED_JSON("malformed_json"),
    WRONG_TYPE("wrong_type"),
    MISSING_FIELD("missing_field"),
    BAD_VERSION("bad_version"),
    BAD_IDENTIFIER("bad_identifier"),
    BAD_TOPIC("bad_topic"),
    UNKNOWN_STATE("unknown_state"),
    UNKNOWN_COMMAND("unknown_command"),
    BAD_REASON("bad_reason"),
    BAD_VALUE("bad_value"),
    ABSURD_TIMESTAMP("absurd_timestamp"),
    SEAT_MISMATCH("seat_mismatch"),
    UNKNOWN_SEAT("unknown_seat"),
    WRONG_DIRECTION("wrong_direction"),
    /** Gateway: an event's seq is too far beyond the seat's last applied one to be real (see the README). */
    SEQ_JUMP("seq_jump");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    /** The lowercase name used in metrics and logs. */
    public String label() {
        return label;
    }
}
