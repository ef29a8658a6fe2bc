package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A terminal's answer to a {@link Command} on {@code …/{seat}/cmd-result}. */
public record CommandResult(String id, @JsonProperty(required = true) boolean ok, String error) implements Message {
    public static final int MAX_ERROR_LENGTH = 200;

    public CommandResult {
        Check.token("id", id);
        if (ok) {
            Check.that(error == null, RejectReason.BAD_VALUE, "a successful result has no error");
        } else {
            Check.notNull("error", error);
            Check.that(!error.isBlank() && error.length() <= MAX_ERROR_LENGTH, RejectReason.BAD_VALUE,
                    "error must be 1-" + MAX_ERROR_LENGTH + " characters");
        }
    }

    public static CommandResult success(String id) {
        return new CommandResult(id, true, null);
    }

    public static CommandResult failure(String id, String error) {
        return new CommandResult(id, false, error);
    }
}
