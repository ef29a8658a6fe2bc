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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Which seats a floor simulation runs: a list with ranges, or the seats a gateway serves. */
final class SeatList {
    /** How long the gateway has to take the connection and answer whole, each ask (10,000 seats: 2 MB). */
    private static final Duration ANSWER_TIME = Duration.ofSeconds(5);
    /**
     * The most seats one simulation runs: each is a whole terminal agent, its MQTT client's threads included. A larger
     * floor is the floor simulator's ({@code tools/seatlink simulate}).
     */
    static final int MAX_SEATS = 1_000;

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
            long from = number(first.substring(digitsAt), part);
            long to = number(last.substring(prefix.length()), part);
            if (to < from) {
                throw new IllegalArgumentException("range '" + part + "' runs backwards");
            }
            if (seats.size() + to - from + 1 > MAX_SEATS) {
                throw tooMany();
            }
            int width = first.length() - digitsAt;
            for (long n = from; n <= to; n++) {
                seats.add(requireId(prefix + String.format("%0" + width + "d", n)));
            }
        }
        return checked(seats);
    }

    /**
     * {@code seats} when they can run side by side: at most {@value #MAX_SEATS}, each once (two agents of one seat
     * would share its journal and take each other's broker session in turn).
     *
     * @throws IllegalArgumentException saying which rule they break
     */
    static List<String> checked(List<String> seats) {
        if (seats.size() > MAX_SEATS) {
            throw tooMany();
        }
        Set<String> seen = new HashSet<>();
        for (String seat : seats) {
            if (!seen.add(seat)) {
                throw new IllegalArgumentException("'" + seat + "' is listed twice");
            }
        }
        return seats;
    }

    private static IllegalArgumentException tooMany() {
        return new IllegalArgumentException("more than " + MAX_SEATS + " seats: each is a whole terminal agent; run a "
                + "larger floor with tools/seatlink simulate");
    }

    private static long number(String digits, String part) {
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("range '" + part + "' needs two ends like s-001..s-024");
        }
        if (digits.length() > 9) {
            throw new IllegalArgumentException("range '" + part + "': a seat number has at most 9 digits");
        }
        return Long.parseLong(digits);
    }

    private static String requireId(String seat) {
        if (!Ids.isValid(seat)) {
            throw new IllegalArgumentException("'" + seat + "' is not a seat id");
        }
        return seat;
    }

    /** The seats of {@code GET /api/floor} at {@code floorUrl}, retrying for up to {@code wait}. */
    static List<String> fromGateway(URI floorUrl, Duration wait) throws IOException, InterruptedException {
        return fromGateway(floorUrl, wait, ANSWER_TIME);
    }

    static List<String> fromGateway(URI floorUrl, Duration wait, Duration answerTime)
            throws IOException, InterruptedException {
        // HTTP/1.1 as a browser speaks it: asked for h2c, the gateway would load its HTTP/2 stack on a live floor
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(answerTime)
                .build();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = ask(http, floorUrl, answerTime);
                if (response.statusCode() == 200) {
                    List<String> seats = new ArrayList<>();
                    for (JsonNode seat : new ObjectMapper().readTree(response.body()).path("seats")) {
                        seats.add(requireId(seat.path("seat").asText()));
                    }
                    return checked(seats);
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

    /**
     * One ask, answered whole within {@code answerTime} or failed: a gateway that took the connection and never
     * answered, or stopped mid-answer, would otherwise hold the floor's start past its wait (a request's own timeout
     * ends at the headers).
     */
    private static HttpResponse<String> ask(HttpClient http, URI floorUrl, Duration answerTime)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(HttpRequest.newBuilder(floorUrl).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(answerTime.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IOException("no whole answer within " + answerTime.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
