package dev.seatlink.protocol;

import java.util.List;

/** Argument checks shared by the message records; each failure names the field and the rule. */
final class Check {
    /** 2020-01-01T00:00Z: no SeatLink clock can legitimately be earlier. */
    static final long EARLIEST_MS = 1_577_836_800_000L;
    /** 2100-01-01T00:00Z: anything later is a unit mistake (µs, ns) or garbage. */
    static final long LATEST_MS = 4_102_444_800_000L;
    static final int MAX_TOKEN_LENGTH = 64;

    private Check() {
    }

    static String id(String field, String value) {
        notNull(field, value);
        if (!Ids.isValid(value)) {
            throw new ProtocolViolation(RejectReason.BAD_IDENTIFIER,
                    field + " '" + Ids.printable(value) + "' is not an identifier ([a-z0-9][a-z0-9-]{0,31})");
        }
        return value;
    }

    static String optionalId(String field, String value) {
        return value == null ? null : id(field, value);
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new ProtocolViolation(RejectReason.MISSING_FIELD, field + " is required");
        }
        return value;
    }

    /** A free-form token such as a boot id, command id or firmware version: 1–64 printable ASCII. */
    static String token(String field, String value) {
        return text(field, value, MAX_TOKEN_LENGTH, false);
    }

    /**
     * Text an outside system chose (an ACD's agent or device name, a pause reason): 1–{@code max} printable ASCII,
     * spaces only when {@code spaces}.
     */
    static String text(String field, String value, int max, boolean spaces) {
        notNull(field, value);
        if (!Ids.isPrintable(value, max, spaces)) {
            throw new ProtocolViolation(RejectReason.BAD_VALUE, field + " must be 1-" + max + " printable ASCII characters"
                    + (spaces ? "" : " without spaces"));
        }
        return value;
    }

    static long timestamp(String field, long ms) {
        if (ms < EARLIEST_MS || ms > LATEST_MS) {
            throw new ProtocolViolation(RejectReason.ABSURD_TIMESTAMP,
                    field + " " + ms + " is not milliseconds since epoch between 2020 and 2100");
        }
        return ms;
    }

    static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new ProtocolViolation(RejectReason.BAD_VALUE, field + " must not be negative, was " + value);
        }
        return value;
    }

    static void that(boolean condition, RejectReason reason, String message) {
        if (!condition) {
            throw new ProtocolViolation(reason, message);
        }
    }

    /** NOT_READY needs a reason; no other state may carry one. */
    static void reasonFits(AgentState state, String reason) {
        if (state == AgentState.NOT_READY) {
            if (reason == null) {
                throw new ProtocolViolation(RejectReason.BAD_REASON, "NOT_READY needs a reason");
            }
            id("reason", reason);
        } else if (reason != null) {
            throw new ProtocolViolation(RejectReason.BAD_REASON, state + " cannot carry a reason");
        }
    }

    static List<String> ids(String field, List<String> values) {
        notNull(field, values);
        values.forEach(v -> id(field + "[]", v));
        return List.copyOf(values);
    }
}
