package dev.seatlink.gateway.answer;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client SeatLink's own programs ask a gateway's or the centre view's API with: the technicians' commands
 * ({@code fleet}, the CSV imports) and the bench.
 */
public final class ApiClient {
    private ApiClient() {
    }

    /**
     * HTTP/1.1, as a browser speaks it: the JDK's client would ask for an upgrade to HTTP/2, and the gateway would load
     * its HTTP/2 stack for it on a live floor's machine.
     */
    public static HttpClient toGateway() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
