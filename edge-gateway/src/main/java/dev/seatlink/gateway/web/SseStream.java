package dev.seatlink.gateway.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Wallboard clients of {@code GET /api/stream} (Server-Sent Events). Used from one event-loop context
 * only. A client whose write queue fills (a burst of a whole floor coming online, a slow network) is not
 * sent more until it has drained; then it gets {@code event: resync} and reloads the floor, so it shows
 * the latest state without the gateway holding a backlog for it. One still behind after
 * {@value #STUCK_MS} ms is disconnected; its EventSource reconnects and resyncs.
 */
public final class SseStream {
    /** Browsers reconnect after this long when the stream drops. */
    static final int RETRY_MS = 2000;
    static final long STUCK_MS = 30_000;
    private static final Buffer RESYNC = Buffer.buffer("event: resync\ndata: {}\n\n");

    /** When each client fell behind, or 0 while it keeps up. */
    private final Map<HttpServerResponse, Long> clients = new LinkedHashMap<>();

    /** Starts streaming to a new client, sending it {@code event} first. */
    public void add(HttpServerResponse response, String event, String json) {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.closeHandler(v -> clients.remove(response));
        response.exceptionHandler(e -> clients.remove(response));
        response.write("retry: " + RETRY_MS + "\n: connected\n\n" + frame(event, json));
        clients.put(response, 0L);
    }

    /** Sends one named event with a JSON payload to every client. */
    public void send(String event, String json) {
        write(Buffer.buffer(frame(event, json)));
    }

    private static String frame(String event, String json) {
        return "event: " + event + "\ndata: " + json + "\n\n";
    }

    /** A comment line that keeps proxies and idle timeouts from closing the stream; drops stuck clients. */
    public void heartbeat() {
        long now = System.currentTimeMillis();
        for (Map.Entry<HttpServerResponse, Long> client : List.copyOf(clients.entrySet())) {
            if (client.getValue() > 0 && now - client.getValue() > STUCK_MS) {
                Logger.warn("dropping a wallboard stream client that has not read for {} s", STUCK_MS / 1000);
                clients.remove(client.getKey());
                client.getKey().reset();
            }
        }
        write(Buffer.buffer(": ping\n\n"));
    }

    /** Encoded once for every client: at 50 wallboards the per-client encoding was most of the cost. */
    private void write(Buffer frame) {
        for (Map.Entry<HttpServerResponse, Long> entry : clients.entrySet()) {
            HttpServerResponse client = entry.getKey();
            if (entry.getValue() > 0) {
                continue; // behind: it reloads the floor once drained
            }
            if (client.writeQueueFull()) {
                entry.setValue(System.currentTimeMillis());
                client.drainHandler(v -> caughtUp(client));
            } else {
                client.write(frame);
            }
        }
    }

    private void caughtUp(HttpServerResponse client) {
        if (clients.replace(client, 0L) != null) {
            client.write(RESYNC);
        }
    }

    public int size() {
        return clients.size();
    }

    public void closeAll() {
        List.copyOf(clients.keySet()).forEach(HttpServerResponse::end);
        clients.clear();
    }
}
