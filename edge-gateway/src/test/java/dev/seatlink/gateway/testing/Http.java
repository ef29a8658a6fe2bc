package dev.seatlink.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A small HTTP client for tests against the gateway on loopback. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String user;
    private final String password;

    public Http(int port) {
        this(port, null, null);
    }

    /** A client whose plain {@link #get(String)} and {@link #json(String)} are signed in as {@code user}. */
    public Http(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.user = user;
        this.password = password;
    }

    public HttpResponse<String> get(String path) {
        return get(path, user, password);
    }

    /** GETs, signed in with HTTP Basic when {@code user} is not null. */
    public HttpResponse<String> get(String path, String user, String password) {
        return get(path, user, password, Duration.ofSeconds(10));
    }

    /** GETs with a longer wait for the answer (a long report). */
    public HttpResponse<String> get(String path, String user, String password, Duration timeout) {
        return send(signedIn(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET(), user, password));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode json(String path) {
        return json(path, user, password);
    }

    public JsonNode json(String path, String user, String password) {
        try {
            return JSON.readTree(get(path, user, password).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs a JSON body, signed in with HTTP Basic when {@code user} is not null. */
    public HttpResponse<String> post(String path, String json, String user, String password) {
        return post(path, json, "application/json", java.util.Map.of(), user, password);
    }

    /** POSTs a body of any type with extra headers (what another site's page or form would send). */
    public HttpResponse<String> post(String path, String body, String contentType, java.util.Map<String, String> headers,
                                     String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(signedIn(request, user, password));
    }

    /** PUTs a JSON body, signed in as this client's user. */
    public HttpResponse<String> put(String path, String json) {
        return send(signedIn(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)), user,
                password));
    }

    /** DELETEs {@code path}, signed in with HTTP Basic. */
    public HttpResponse<String> delete(String path, String user, String password) {
        return send(signedIn(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15)).DELETE(),
                user, password));
    }

    private static HttpRequest.Builder signedIn(HttpRequest.Builder request, String user, String password) {
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return request;
    }

    /**
     * Opens {@code path} as an event stream; its lines collect in the returned list as they arrive, read on
     * a thread of their own (with plain {@code thenAccept}, a response that came before the callback was
     * attached had the caller itself read the endless stream).
     */
    public List<String> stream(String path) {
        List<String> lines = new CopyOnWriteArrayList<>();
        client.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(response -> response.body().forEach(lines::add),
                task -> {
                    Thread reader = new Thread(task, "stream-reader " + path);
                    reader.setDaemon(true);
                    reader.start();
                });
        return lines;
    }
}
