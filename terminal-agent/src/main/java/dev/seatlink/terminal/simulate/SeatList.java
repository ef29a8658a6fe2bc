package dev.seatlink.terminal.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.protocol.Ids;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Which seats a floor simulation runs: a list with ranges, or the seats a gateway serves. */
final class SeatList {
    /** How long the gateway has to connect, and then to answer, each ask. */
    private static final Duration ANSWER_TIME = Duration.ofSeconds(2);

    private SeatList() {
    }

    /**
     * Parses {@code s-001..s-024,s-030}: a range keeps the prefix and the zero-padded width of its first end.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    static List<String> parse(String spec) {
        List<String> seats = new ArrayList<>();
        for (String part : spec.split(",")) {
            part = part.trim();
            int dots = part.indexOf("..");
            if (dots < 0) {
                seats.add(requireId(part));
                continue;
            }
            String first = requireId(part.substring(0, dots));
            String last = requireId(part.substring(dots + 2));
            int digitsAt = first.length();
            while (digitsAt > 0 && Character.isDigit(first.charAt(digitsAt - 1))) {
                digitsAt--;
            }
            String prefix = first.substring(0, digitsAt);
            if (digitsAt == first.length() || !last.startsWith(prefix)) {
                throw new IllegalArgumentException("range '" + part + "' needs two ends like s-001..s-024");
            }
            int from = Integer.parseInt(first.substring(digitsAt));
            int to = Integer.parseInt(last.substring(prefix.length()));
            int width = first.length() - digitsAt;
            for (int n = from; n <= to; n++) {
                seats.add(requireId(prefix + String.format("%0" + width + "d", n)));
            }
        }
        return seats;
    }

    private static String requireId(String seat) {
        if (!Ids.isValid(seat)) {
            throw new IllegalArgumentException("'" + seat + "' is not a seat id");
        }
        return seat;
    }

    /** The seats of {@code GET /api/floor} at {@code floorUrl}, retrying for up to {@code wait}. */
    static List<String> fromGateway(URI floorUrl, Duration wait) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_TIME).build();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                // without a timeout a gateway that took the connection and never answered would hold this past wait
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(floorUrl).timeout(ANSWER_TIME).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    List<String> seats = new ArrayList<>();
                    for (JsonNode seat : new ObjectMapper().readTree(response.body()).path("seats")) {
                        seats.add(requireId(seat.path("seat").asText()));
                    }
                    return seats;
                }
                throw new IOException(floorUrl + " answered " + response.statusCode());
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("cannot read seats from " + floorUrl + ": " + e.getMessage(), e);
                }
                Thread.sleep(500);
            }
        }
    }
}
