package dev.seatlink.gateway.web;

import io.vertx.core.http.HttpServerResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tinylog.Logger;

/**
 * Wallboard clients of {@code GET /api/stream} (Server-Sent Events). Used from one event-loop
 * context only. A client whose write queue is full is disconnected rather than let it slow the
 * others or hold memory; its EventSource reconnects and resyncs.
 */
public final class SseStream {
    /** Browsers reconnect after this long when the stream drops. */
    static final int RETRY_MS = 2000;

    private final Set<HttpServerResponse> clients = new LinkedHashSet<>();

    /** Starts streaming to a new client, sending it {@code event} first. */
    public void add(HttpServerResponse response, String event, String json) {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.closeHandler(v -> clients.remove(response));
        response.exceptionHandler(e -> clients.remove(response));
        response.write("retry: " + RETRY_MS + "\n: connected\n\n" + frame(event, json));
        clients.add(response);
    }

    /** Sends one named event with a JSON payload to every client. */
    public void send(String event, String json) {
        write(frame(event, json));
    }

    private static String frame(String event, String json) {
        return "event: " + event + "\ndata: " + json + "\n\n";
    }

    /** A comment line that keeps proxies and idle timeouts from closing the stream. */
    public void heartbeat() {
        write(": ping\n\n");
    }

    private void write(String frame) {
        for (HttpServerResponse client : List.copyOf(clients)) {
            if (client.writeQueueFull()) {
                Logger.warn("dropping a wallboard stream client that is not keeping up");
                clients.remove(client);
                client.reset();
            } else {
                client.write(frame);
            }
        }
    }

    public int size() {
        return clients.size();
    }

    public void closeAll() {
        List.copyOf(clients).forEach(HttpServerResponse::end);
        clients.clear();
    }
}
