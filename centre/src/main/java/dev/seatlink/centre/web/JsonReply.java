package dev.seatlink.centre.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** JSON answers of the centre's routes: never cached, errors as {@code {"error", "status"}}. */
final class JsonReply {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReply() {
    }

    static void send(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(write(body));
    }

    static void error(RoutingContext ctx, int status, String message) {
        send(ctx, status, Map.of("error", message, "status", status));
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }
}
