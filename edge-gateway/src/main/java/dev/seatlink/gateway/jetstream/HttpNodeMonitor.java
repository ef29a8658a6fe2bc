package dev.seatlink.gateway.jetstream;

import dev.seatlink.gateway.answer.WholeAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link NodeMonitor} over a node's HTTP monitoring port ({@code http: HOST:PORT} in its config). An answer must come
 * whole within {@link #WHOLE_ANSWER} ({@link WholeAnswer}): a node that stopped mid-answer would otherwise hold this
 * reading, and with it every later one, for ever (the figures in {@code /metrics} and the fleet view frozen without
 * a word).
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
                return WholeAnswer.read(body, wholeAnswer, PATH, in -> parser.parse(monitorUrl, in));
            }
        } catch (WholeAnswer.NotWhole e) {
            return NodeReading.unreachable(monitorUrl, e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            return NodeReading.unreachable(monitorUrl, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NodeReading.unreachable(monitorUrl, "interrupted");
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
