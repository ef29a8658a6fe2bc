package dev.seatlink.gateway.answer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;

/**
 * The HTTP client SeatLink's own programs ask a gateway's or the centre view's API with: the technicians' commands
 * ({@code fleet}, the CSV imports) and the bench; and how those commands say what went wrong, in words.
 */
public final class ApiClient {
    static final Duration CONNECT_TIME = Duration.ofSeconds(5);

    private ApiClient() {
    }

    /**
     * HTTP/1.1, as a browser speaks it: the JDK's client would ask for an upgrade to HTTP/2, and the gateway would load
     * its HTTP/2 stack for it on a live floor's machine.
     */
    public static HttpClient toGateway() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIME).build();
    }

    /**
     * The route {@code path} on the gateway at {@code gateway} (a command's {@code --gateway}).
     *
     * @throws IllegalArgumentException saying what a gateway's address looks like, for anything else
     */
    public static URI route(String gateway, String path) {
        URI base;
        try {
            base = URI.create(gateway);
        } catch (IllegalArgumentException e) {
            base = null;
        }
        if (base == null || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))
                || base.getHost() == null || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("--gateway must be a gateway's address such as http://10.0.3.2:8080"
                    + " (was '" + gateway + "')");
        }
        return URI.create(gateway.replaceAll("/+$", "") + path);
    }

    /**
     * Why a request or a file failed, in words: the JDK says nothing for a refused connection, and only the path for
     * a missing or unreadable file.
     */
    public static String reason(IOException e) {
        if (e instanceof ConnectException) {
            return "nothing answers there (connection refused: is it running, and is the address right?)";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIME.toSeconds() + " s (a wrong address, or a firewall)";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "not allowed to read it";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text (save it as UTF-8)";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
