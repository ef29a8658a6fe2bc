package dev.seatlink.gateway.web;

import dev.seatlink.gateway.floor.FloorClock;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.HashMap;
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
 *
 * <p>Frames are written together at most once per window: the first after a quiet spell at once, the
 * ones that follow in one write when the window ends. The window grows with the clients (0.1 ms each, at
 * most {@value #MAX_COALESCE_MS} ms), so the writes stay near 10,000 a second in all: one wallboard gets
 * every frame at once, and at 200 wallboards a write per frame and client no longer costs most of a core
 * in Netty's pipeline.
 *
 * <p>Bounded: at most {@value #MAX_CLIENTS} streams in all and {@value #MAX_PER_ADDRESS} from one address
 * (a floor's TVs and leaders' screens, even behind one NAT address, are fewer); more are refused with 503
 * and 429. The HTTP server's small socket send buffer ({@code Gateway}) makes a client that stops reading
 * fill its write queue within 64 KB, so it is set aside and dropped here instead of pinning kernel memory.
 */
public final class SseStream {
    /** Browsers reconnect after this long when the stream drops. */
    static final int RETRY_MS = 2000;
    static final long STUCK_MS = 30_000;
    static final long MAX_COALESCE_MS = 20;
    static final int CLIENTS_PER_COALESCE_MS = 10;
    static final int MAX_CLIENTS = 1_000;
    static final int MAX_PER_ADDRESS = 250;
    private static final Buffer RESYNC = Buffer.buffer("event: resync\ndata: {}\n\n");

    /** Runs a task on the stream's context after {@code ms} milliseconds (a timer of the event loop). */
    public interface Later {
        void run(long ms, Runnable task);
    }

    /** When each client fell behind, or 0 while it keeps up. */
    private final Map<HttpServerResponse, Long> clients = new LinkedHashMap<>();
    private final Map<HttpServerResponse, String> addressOf = new HashMap<>();
    private final Map<String, Integer> perAddress = new HashMap<>();
    private final FloorClock clock;
    private final Later later;
    /** Frames not yet written to the clients. */
    private Buffer pending = Buffer.buffer();
    private boolean flushScheduled;
    private long lastFlush;
    private long bytesWritten;

    /**
     * @param clock milliseconds
     * @param later runs a task on this stream's context after a while
     */
    public SseStream(FloorClock clock, Later later) {
        this.clock = clock;
        this.later = later;
    }

    /**
     * Starts streaming to a new client from {@code address}, sending it {@code event} first; or, over the
     * limits, answers 503 (too many in all) or 429 (too many from that address) and returns false.
     */
    public boolean add(HttpServerResponse response, String address, String event, String json) {
        int fromThere = perAddress.getOrDefault(address, 0);
        if (clients.size() >= MAX_CLIENTS || fromThere >= MAX_PER_ADDRESS) {
            boolean everyone = clients.size() >= MAX_CLIENTS;
            Logger.warn("refused a wallboard stream from {}: {}", address, everyone ? MAX_CLIENTS + " streams are open"
                    : fromThere + " streams are open from there");
            response.setStatusCode(everyone ? 503 : 429).putHeader("Retry-After", "30")
                    .end(everyone ? "too many wallboard streams" : "too many wallboard streams from " + address);
            return false;
        }
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.closeHandler(v -> remove(response));
        response.exceptionHandler(e -> remove(response));
        response.write("retry: " + RETRY_MS + "\n: connected\n\n" + frame(event, json));
        clients.put(response, 0L);
        addressOf.put(response, address);
        perAddress.merge(address, 1, Integer::sum);
        return true;
    }

    private void remove(HttpServerResponse response) {
        clients.remove(response);
        String address = addressOf.remove(response);
        if (address != null) {
            perAddress.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
        }
    }

    /** Sends one named event with a JSON payload to every client (see the coalescing above). */
    public void send(String event, String json) {
        if (clients.isEmpty()) {
            return;
        }
        pending.appendString(frame(event, json));
        if (flushScheduled) {
            return;
        }
        long window = Math.min(MAX_COALESCE_MS, clients.size() / CLIENTS_PER_COALESCE_MS);
        long wait = lastFlush + window - clock.millis();
        if (wait <= 0) {
            flush();
        } else {
            flushScheduled = true;
            later.run(wait, () -> {
                flushScheduled = false;
                flush();
            });
        }
    }

    private void flush() {
        if (pending.length() == 0) {
            return;
        }
        Buffer frames = pending;
        pending = Buffer.buffer();
        lastFlush = clock.millis();
        write(frames);
    }

    private static String frame(String event, String json) {
        return "event: " + event + "\ndata: " + json + "\n\n";
    }

    /** A comment line that keeps proxies and idle timeouts from closing the stream; drops stuck clients. */
    public void heartbeat() {
        long now = clock.millis();
        for (Map.Entry<HttpServerResponse, Long> client : List.copyOf(clients.entrySet())) {
            if (client.getValue() > 0 && now - client.getValue() > STUCK_MS) {
                Logger.warn("dropping a wallboard stream client that has not read for {} s", STUCK_MS / 1000);
                remove(client.getKey());
                client.getKey().reset();
            }
        }
        if (!clients.isEmpty()) {
            pending.appendString(": ping\n\n");
            flush();
        }
    }

    /** Encoded once for every client: at 50 wallboards the per-client encoding was most of the cost. */
    private void write(Buffer frame) {
        for (Map.Entry<HttpServerResponse, Long> entry : clients.entrySet()) {
            HttpServerResponse client = entry.getKey();
            if (entry.getValue() > 0) {
                continue; // behind: it reloads the floor once drained
            }
            if (client.writeQueueFull()) {
                entry.setValue(clock.millis());
                client.drainHandler(v -> caughtUp(client));
            } else {
                client.write(frame);
                bytesWritten += frame.length();
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

    /** Bytes written to the clients' streams since start (each client's counted). */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Clients that fell behind and are sent nothing until they drain. */
    public int behind() {
        return (int) clients.values().stream().filter(since -> since > 0).count();
    }

    public void closeAll() {
        flush();
        List.copyOf(clients.keySet()).forEach(HttpServerResponse::end);
        clients.clear();
        addressOf.clear();
        perAddress.clear();
    }
}
