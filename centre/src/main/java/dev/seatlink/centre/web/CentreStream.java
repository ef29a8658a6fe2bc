package dev.seatlink.centre.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Set;
import org.tinylog.Logger;

/**
 * The page's live feed ({@code /api/stream}, server-sent events): each update is the whole {@link
 * dev.seatlink.centre.model.CentreView}, so a page that missed one misses nothing. A client that stops reading
 * is dropped once its write queue is full; at most {@value #MAX_CLIENTS} at once (memory stays bounded).
 */
final class CentreStream {
    static final int MAX_CLIENTS = 500;

    private final Set<HttpServerResponse> clients = new LinkedHashSet<>();
    private Buffer last;

    void open(RoutingContext ctx) {
        if (clients.size() >= MAX_CLIENTS) {
            ctx.response().setStatusCode(503).putHeader("Retry-After", "10")
                    .end("too many centre pages open (" + MAX_CLIENTS + ")");
            return;
        }
        HttpServerResponse response = ctx.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        response.write(": centre\n\n");
        if (last != null) {
            response.write(last);
        }
        clients.add(response);
        response.closeHandler(v -> clients.remove(response));
        response.exceptionHandler(e -> clients.remove(response));
    }

    void send(String json) {
        last = Buffer.buffer("event: centre\ndata: " + json + "\n\n");
        for (HttpServerResponse client : Set.copyOf(clients)) {
            if (client.writeQueueFull()) {
                Logger.info("dropping a centre page that stopped reading");
                clients.remove(client);
                client.reset();
            } else {
                client.write(last);
            }
        }
    }

    void heartbeat() {
        clients.forEach(client -> client.write(": still here\n\n"));
    }

    int size() {
        return clients.size();
    }

    void closeAll() {
        clients.forEach(HttpServerResponse::end);
        clients.clear();
    }
}
