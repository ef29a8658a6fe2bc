package dev.seatlink.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** JSON responses of the HTTP API. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Serialised straight to bytes: {@code /api/floor} of 10,000 seats is 2 MB, one copy fewer counts. */
    static void respond(RoutingContext ctx, int status, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(Buffer.buffer(bytes));
    }

    /** The API's error shape: {@code {"error": "...", "status": 404}}. */
    record Error(String error, int status) {
    }

    static void error(RoutingContext ctx, int status, String message) {
        respond(ctx, status, new Error(message, status));
    }
}
