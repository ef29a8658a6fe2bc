package dev.seatlink.gateway.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/** JSON responses of the HTTP API. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    /** Leaves the response open when serialising fails, so half a body is never sent as a whole one. */
    private static final ObjectWriter BODY_WRITER = MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** A request body as JSON, or null when it is missing or not JSON. */
    static com.fasterxml.jackson.databind.JsonNode parse(String body) {
        try {
            return body == null ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Serialised straight into the response, in pieces (see {@link ResponseBody}). */
    static void respond(RoutingContext ctx, int status, Object body) {
        HttpServerResponse response = ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store");
        ResponseBody out = new ResponseBody(response);
        try {
            BODY_WRITER.writeValue(out, body);
            out.close();
        } catch (IOException e) {
            response.reset();
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    /**
     * For a body that grows with the floor (the fleet of 10,000 terminals): serialised on a worker, so the
     * event loop only hands the bytes over.
     */
    static void respondFromWorker(RoutingContext ctx, int status, Object body) {
        ctx.vertx().executeBlocking(() -> Buffer.buffer(MAPPER.writeValueAsBytes(body)), false)
                .onSuccess(bytes -> ctx.response().setStatusCode(status)
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .putHeader("Cache-Control", "no-store").end(bytes))
                .onFailure(e -> error(ctx, 500, "cannot serialise " + body.getClass().getSimpleName()));
    }

    /** The API's error shape: {@code {"error": "...", "status": 404}}. */
    record Error(String error, int status) {
    }

    static void error(RoutingContext ctx, int status, String message) {
        respond(ctx, status, new Error(message, status));
    }
}
