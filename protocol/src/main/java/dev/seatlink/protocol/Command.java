package dev.seatlink.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A command on {@code …/{seat}/cmd}; the {@code cmd} field names the variant. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "cmd")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Command.SetState.class, name = "set-state"),
        @JsonSubTypes.Type(value = Command.ShowMessage.class, name = "message"),
        @JsonSubTypes.Type(value = Command.AckHelp.class, name = "ack-help"),
        @JsonSubTypes.Type(value = Command.Rebirth.class, name = "rebirth"),
        @JsonSubTypes.Type(value = Command.Replay.class, name = "replay"),
        @JsonSubTypes.Type(value = Command.SignIn.class, name = "sign-in")})
public sealed interface Command extends Message {
    int MAX_TEXT_LENGTH = 160;

    /** Unique id the terminal echoes in its {@link CommandResult}. */
    String id();

    /** When the command was issued (gateway clock). */
    long ts();

    /** A supervisor moves the seat to {@code state}; NOT_READY needs one of the seat's reasons. */
    record SetState(String id, AgentState state, String reason, String by,
                    @JsonProperty(required = true) long ts) implements Command {
        public SetState {
            Check.token("id", id);
            Check.notNull("state", state);
            Check.reasonFits(state, reason);
            Check.id("by", by);
            Check.timestamp("ts", ts);
        }
    }

    /** A supervisor message for the seat's display. */
    record ShowMessage(String id, String text, String by, @JsonProperty(required = true) long ts) implements Command {
        public ShowMessage {
            Check.token("id", id);
            Check.notNull("text", text);
            Check.that(!text.isBlank() && text.length() <= MAX_TEXT_LENGTH, RejectReason.BAD_VALUE,
                    "text must be 1-" + MAX_TEXT_LENGTH + " characters");
            Check.id("by", by);
            Check.timestamp("ts", ts);
        }
    }

    /** A supervisor has taken the seat's raised hand; the terminal lowers it. */
    record AckHelp(String id, String by, @JsonProperty(required = true) long ts) implements Command {
        public AckHelp {
            Check.token("id", id);
            Check.id("by", by);
            Check.timestamp("ts", ts);
        }
    }

    /** The terminal republishes status and state (the gateway lost its view). */
    record Rebirth(String id, @JsonProperty(required = true) long ts) implements Command {
        public Rebirth {
            Check.token("id", id);
            Check.timestamp("ts", ts);
        }
    }

    /**
     * The terminal republishes its journalled events with {@code from ≤ seq ≤ to}; without {@code to} (null), all
     * from {@code from} on. {@code to} came later: a terminal that does not know it replays to the end, more than
     * asked but nothing missing (the gateway drops what it has).
     */
    record Replay(String id, @JsonProperty(required = true) long from, Long to,
                  @JsonProperty(required = true) long ts) implements Command {
        public Replay {
            Check.token("id", id);
            Check.that(from > 0, RejectReason.BAD_VALUE, "from must be positive");
            Check.that(to == null || to >= from, RejectReason.BAD_VALUE, "to must not be below from");
            Check.timestamp("ts", ts);
        }

        /** Everything from {@code from} on. */
        public Replay(String id, long from, long ts) {
            this(id, from, null, ts);
        }

        /** The last seq to replay: {@code to}, or every one kept. */
        public long last() {
            return to == null ? Long.MAX_VALUE : to;
        }
    }

    /**
     * A badge read at this seat belongs to {@code agent}: the terminal signs them in (signing out whoever was signed
     * in) and greets them by {@code name} on its display.
     */
    record SignIn(String id, String agent, String name, @JsonProperty(required = true) long ts) implements Command {
        public static final int MAX_NAME_LENGTH = 40;

        public SignIn {
            Check.token("id", id);
            Check.id("agent", agent);
            Check.that(name == null || !name.isBlank() && name.length() <= MAX_NAME_LENGTH
                    && name.chars().noneMatch(Character::isISOControl), RejectReason.BAD_VALUE,
                    "name must be 1-" + MAX_NAME_LENGTH + " characters without control characters");
            Check.timestamp("ts", ts);
        }
    }
}
