package dev.seatlink.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.Ids;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/** A supervisor's command request body ({@code {"cmd": …}}) as a {@link Command}, and how it is named in the audit. */
final class CommandBodies {
    private CommandBodies() {
    }

    /**
     * The command a supervisor's request body asks for, with a new id.
     *
     * @throws IllegalArgumentException (ProtocolViolation included) naming what is wrong, for a 400
     */
    static Command parse(String body, String by, long ts) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body == null ? "" : body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object with a \"cmd\"");
        }
        String id = UUID.randomUUID().toString();
        String cmd = json.path("cmd").asText("");
        return switch (cmd) {
            case "set-state" -> new Command.SetState(id, state(json.path("state").asText("")),
                    json.hasNonNull("reason") ? json.get("reason").asText() : null, by, ts);
            case "message" -> new Command.ShowMessage(id, json.path("text").asText(null), by, ts);
            case "ack-help" -> new Command.AckHelp(id, by, ts);
            case "rebirth" -> new Command.Rebirth(id, ts);
            case "replay" -> new Command.Replay(id, json.path("from").asLong(0), replayTo(json), ts);
            default -> throw new IllegalArgumentException("cmd must be set-state, message, ack-help, rebirth or replay");
        };
    }

    /** A replay's optional last seq; null replays to the end. */
    private static Long replayTo(JsonNode json) {
        JsonNode to = json.path("to");
        if (to.isMissingNode() || to.isNull()) {
            return null;
        }
        if (!to.canConvertToExactIntegral() || !to.canConvertToLong()) {
            throw new IllegalArgumentException("to must be a whole number (the last seq to replay)");
        }
        return to.asLong();
    }

    private static AgentState state(String name) {
        try {
            return AgentState.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state '" + Ids.printable(name) + "' is not one of "
                    + Arrays.toString(AgentState.values()));
        }
    }

    /** The command's wire name ({@code set-state}, ...). */
    static String name(Command command) {
        return Json.MAPPER.valueToTree(command).path("cmd").asText();
    }

    /** What the audit log shows of the command besides its name. */
    static String detail(Command command) {
        if (command instanceof Command.SetState set) {
            return set.state() + (set.reason() == null ? "" : " " + set.reason());
        }
        if (command instanceof Command.ShowMessage message) {
            return message.text();
        }
        if (command instanceof Command.Replay replay) {
            return "from " + replay.from() + (replay.to() == null ? "" : " to " + replay.to());
        }
        return null;
    }
}
