package dev.seatlink.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duty manager's page as a browser holds it: the centre's stream ({@code /api/stream}) over HTTP/1.1, opened
 * once the centre is up and kept open through the run, as a page on the wall is all shift. It times each awaited
 * text from when it was raised to the first view that shows it, and notes the centre's own clock in that view.
 *
 * <p>Opened just before the hands were raised, the stream met a centre whose HTTP stack had never served a
 * request: its first view took seconds of class loading (the JDK client also asked for HTTP/2, which no browser
 * does over plain HTTP), and the first hand timed was the slowest every run (2026-12-06 runs 95–97: 855–2,331 ms in
 * the centre's view, the median hand about 55 ms). What a page's first view costs is timed here on its own.
 */
final class CentrePage implements AutoCloseable {
    private static final Pattern VIEW_TIME = Pattern.compile("\"now\":(\\d+)");

    private final Map<String, Long> awaited = new ConcurrentHashMap<>();
    private final Map<String, Long> latency = new ConcurrentHashMap<>();
    private final Map<String, Long> viewMadeAt = new ConcurrentHashMap<>();
    private final CountDownLatch firstView = new CountDownLatch(1);
    private final long openedAt = System.nanoTime();
    private volatile long firstViewAt;
    private volatile InputStream body;
    private volatile boolean closed;

    private CentrePage() {
    }

    /** Opens the page on the centre at {@code port} with {@code http}; its reading runs on a thread of its own. */
    static CentrePage open(HttpClient http, int port) {
        CentrePage page = new CentrePage();
        HttpRequest stream = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/stream")).build();
        Thread reader = new Thread(() -> page.read(http, stream), "centre-page");
        reader.setDaemon(true);
        reader.start();
        return page;
    }

    /** How long the page took from opening to its first view; null if none came within {@code within}. */
    Duration firstView(Duration within) throws InterruptedException {
        return firstView.await(within.toMillis(), TimeUnit.MILLISECONDS)
                ? Duration.ofNanos(firstViewAt - openedAt) : null;
    }

    /** Times {@code text} from {@code raisedNanos} ({@link System#nanoTime}) to the first view that holds it. */
    void await(String text, long raisedNanos) {
        awaited.put(text, raisedNanos);
    }

    /** No longer waited for (the hand is lowered); a time already taken stays. */
    void forget(String text) {
        awaited.remove(text);
    }

    /** Nanoseconds from raised to shown, or null if it was not shown. */
    Long latency(String text) {
        return latency.get(text);
    }

    /** The centre's clock (epoch ms) as it made the view that first showed {@code text}, or null. */
    Long viewMadeAt(String text) {
        return viewMadeAt.get(text);
    }

    private void read(HttpClient http, HttpRequest stream) {
        try {
            body = http.send(stream, HttpResponse.BodyHandlers.ofInputStream()).body();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        viewed(line, System.nanoTime());
                    }
                }
            }
        } catch (IOException | InterruptedException ended) {
            if (!closed) {
                System.out.println("the centre page's stream ended: " + ended);
            }
        }
    }

    private void viewed(String view, long now) {
        if (firstView.getCount() > 0) {
            firstViewAt = now;
            firstView.countDown();
        }
        for (Map.Entry<String, Long> waiting : awaited.entrySet()) {
            if (view.contains(waiting.getKey()) && awaited.remove(waiting.getKey()) != null) {
                latency.put(waiting.getKey(), now - waiting.getValue());
                Matcher made = VIEW_TIME.matcher(view);
                if (made.find()) { // the centre's clock as it made the view: the same host's
                    viewMadeAt.put(waiting.getKey(), Long.parseLong(made.group(1)));
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        InputStream open = body;
        if (open != null) {
            open.close();
        }
    }
}
