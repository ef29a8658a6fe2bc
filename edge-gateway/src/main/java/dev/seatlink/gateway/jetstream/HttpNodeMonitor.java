package dev.seatlink.gateway.jetstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link NodeMonitor} over a node's HTTP monitoring port ({@code http: HOST:PORT} in its config). An answer must come
 * whole within {@link #WHOLE_ANSWER}: the JDK's request timeout ends at the headers, and a node — or whatever else
 * answers at that address — that stops mid-answer would otherwise hold this reading, and with it every later one,
 * for ever (the figures in {@code /metrics} and the fleet view frozen without a word).
 */
public final class HttpNodeMonitor implements NodeMonitor {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** A node's {@code /jsz} with every consumer of a centre is tens of megabytes: seconds on a floor's network. */
    static final Duration WHOLE_ANSWER = Duration.ofSeconds(30);
    static final String PATH = "/jsz?consumers=true&config=true";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JszParser parser = new JszParser();
    private final Duration wholeAnswer;

    public HttpNodeMonitor() {
        this(WHOLE_ANSWER);
    }

    HttpNodeMonitor(Duration wholeAnswer) {
        this.wholeAnswer = wholeAnswer;
    }

    @Override
    public NodeReading read(String monitorUrl) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(strip(monitorUrl) + PATH))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return NodeReading.unreachable(monitorUrl, "HTTP " + response.statusCode() + " from " + PATH);
                }
                return parseWhole(monitorUrl, body);
            }
        } catch (IOException | IllegalArgumentException e) {
            return NodeReading.unreachable(monitorUrl, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NodeReading.unreachable(monitorUrl, "interrupted");
        }
    }

    /** Closing the body from another thread is what ends a read that waits: the stream has no timeout of its own. */
    private NodeReading parseWhole(String monitorUrl, InputStream body) throws IOException {
        AtomicBoolean cut = new AtomicBoolean();
        CompletableFuture<Void> cutOff = CompletableFuture.runAsync(() -> {
            cut.set(true);
            try {
                body.close();
            } catch (IOException ignored) {
                // closing is all that was wanted
            }
        }, CompletableFuture.delayedExecutor(wholeAnswer.toMillis(), TimeUnit.MILLISECONDS));
        try {
            return parser.parse(monitorUrl, body);
        } catch (IOException e) {
            if (cut.get()) {
                return NodeReading.unreachable(monitorUrl, "no whole answer from " + PATH + " within "
                        + wholeAnswer.toMillis() + " ms");
            }
            throw e;
        } finally {
            cutOff.cancel(false);
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
