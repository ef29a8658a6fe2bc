package dev.seatlink.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.access.PasswordFile;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.CommandResult;
import dev.seatlink.protocol.Ids;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * Supervisor commands over HTTP, behind HTTP Basic authentication against the supervisors file.
 *
 * <ul>
 *   <li>{@code POST /api/seats/{seat}/commands} with a body as the contract's {@code cmd} without
 *       {@code v}, {@code id}, {@code ts} and {@code by}: the gateway adds the id and time, and {@code by}
 *       is the signed-in supervisor. Answers 202 {@code {"id","seat","cmd"}}; 400 for a bad body, 401
 *       without valid credentials, 404 for an unknown seat, 503 while the broker link is down or when no
 *       supervisor accounts are configured.</li>
 *   <li>{@code GET /api/commands/{id}}: the seat's answer, {@code {"id","seat","ok","error"}}, or 404 while
 *       none has come (the last {@value #KEPT_RESULTS} are kept).</li>
 * </ul>
 * Runs on the floor's context. Passwords are never logged.
 */
public final class CommandRoutes {
    static final int KEPT_RESULTS = 1000;
    static final int MAX_BODY_BYTES = 2048;

    private final FloorModel floor;
    private final PasswordFile accounts;
    private final BiConsumer<String, Command> send;
    private final BooleanSupplier brokerUp;
    private final LongSupplier clock;
    private final Map<String, String> seatOf = lastKept();
    private final Map<String, CommandResult> results = lastKept();

    public CommandRoutes(FloorModel floor, PasswordFile accounts, BiConsumer<String, Command> send,
                         BooleanSupplier brokerUp, LongSupplier clock) {
        this.floor = floor;
        this.accounts = accounts;
        this.send = send;
        this.brokerUp = brokerUp;
        this.clock = clock;
    }

    /** A map that keeps the newest {@value #KEPT_RESULTS} entries. */
    private static <V> Map<String, V> lastKept() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KEPT_RESULTS;
            }
        };
    }

    public void mount(Router router) {
        router.post("/api/seats/:seat/commands").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
                .handler(this::command);
        router.get("/api/commands/:id").handler(this::result);
    }

    /** A seat answered a command (from its {@code cmd-result}). */
    public void answered(String seat, CommandResult result) {
        if (seatOf.containsKey(result.id())) {
            results.put(result.id(), result);
        }
    }

    private void command(RoutingContext ctx) {
        if (accounts.isEmpty()) {
            Json.error(ctx, 503, "no supervisor accounts are configured (gateway --users-file)");
            return;
        }
        Optional<String> supervisor = signedIn(ctx);
        if (supervisor.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"SeatLink\", charset=\"UTF-8\"");
            Json.error(ctx, 401, "sign in as a supervisor");
            return;
        }
        String seat = ctx.pathParam("seat");
        if (!floor.knows(seat)) {
            Json.error(ctx, 404, "unknown seat '" + Ids.printable(seat) + "'");
            return;
        }
        if (!brokerUp.getAsBoolean()) {
            Json.error(ctx, 503, "the broker link is down; the command was not sent");
            return;
        }
        Command command;
        try {
            command = parse(ctx.body().asString(), supervisor.get());
        } catch (IllegalArgumentException e) { // includes ProtocolViolation: the message names the field
            Json.error(ctx, 400, e.getMessage());
            return;
        }
        send.accept(seat, command);
        seatOf.put(command.id(), seat);
        Logger.info("supervisor {} sent {} to seat {} ({})", supervisor.get(), name(command), seat, command.id());
        Json.respond(ctx, 202, Map.of("id", command.id(), "seat", seat, "cmd", name(command)));
    }

    private Optional<String> signedIn(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : accounts.check(pair.substring(0, colon), pair.substring(colon + 1).toCharArray());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Command parse(String body, String by) {
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
        long ts = clock.getAsLong();
        String cmd = json.path("cmd").asText("");
        return switch (cmd) {
            case "set-state" -> new Command.SetState(id, state(json.path("state").asText("")),
                    json.hasNonNull("reason") ? json.get("reason").asText() : null, by, ts);
            case "message" -> new Command.ShowMessage(id, json.path("text").asText(null), by, ts);
            case "ack-help" -> new Command.AckHelp(id, by, ts);
            case "rebirth" -> new Command.Rebirth(id, ts);
            case "replay" -> new Command.Replay(id, json.path("from").asLong(0), ts);
            default -> throw new IllegalArgumentException("cmd must be set-state, message, ack-help, rebirth or replay");
        };
    }

    private static AgentState state(String name) {
        try {
            return AgentState.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state '" + Ids.printable(name) + "' is not one of " + java.util.Arrays
                    .toString(AgentState.values()));
        }
    }

    private static String name(Command command) {
        return Json.MAPPER.valueToTree(command).path("cmd").asText();
    }

    private void result(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        CommandResult result = results.get(id);
        if (result == null) {
            Json.error(ctx, 404, seatOf.containsKey(id) ? "no answer from the seat yet" : "unknown command id");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("seat", seatOf.get(id));
        body.put("ok", result.ok());
        body.put("error", result.error());
        Json.respond(ctx, 200, body);
    }
}
