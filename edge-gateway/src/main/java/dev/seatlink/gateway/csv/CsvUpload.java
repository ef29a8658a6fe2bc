package dev.seatlink.gateway.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.gateway.answer.ApiClient;
import dev.seatlink.gateway.answer.WholeAnswer;
import dev.seatlink.link.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * What the technicians' import commands share: a CSV file sent whole to a gateway route as {@code {"csv": …}},
 * signed in with a credentials file; PASS with the count, or FAIL with every problem the gateway found.
 */
public final class CsvUpload {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** For the headers (the gateway checks every row first), then again for the rest of the answer. */
    private static final Duration ANSWER_TIME = Duration.ofSeconds(60);

    private CsvUpload() {
    }

    /**
     * @param countField the answer's field that says how many were imported, e.g. {@code agents}
     * @return the command's exit code: 0 imported, 1 refused or failed, 2 the file is too large
     */
    public static int upload(Path csv, int maxBytes, String gateway, String path, Path credentials, String countField)
            throws InterruptedException {
        return upload(csv, maxBytes, gateway, path, credentials, countField, ANSWER_TIME);
    }

    static int upload(Path csv, int maxBytes, String gateway, String path, Path credentials, String countField,
            Duration wholeAnswer) throws InterruptedException {
        String text;
        try {
            if (Files.size(csv) > maxBytes) {
                System.err.println("FAIL: " + csv + " is larger than " + maxBytes / 1024 / 1024 + " MB");
                return 2;
            }
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("FAIL: cannot read " + csv + ": " + ApiClient.reason(e));
            return 1;
        }
        Credentials login = Credentials.read(credentials);
        URI route = ApiClient.route(gateway, path);
        try {
            String body = JSON.writeValueAsString(Map.of("csv", text));
            HttpResponse<InputStream> response = ApiClient.toGateway()
                    .send(HttpRequest.newBuilder(route)
                            .timeout(ANSWER_TIME).header("Content-Type", "application/json")
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    (login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            JsonNode answer;
            try (InputStream in = response.body()) {
                answer = WholeAnswer.read(in, wholeAnswer, path, JSON::readTree);
            }
            if (response.statusCode() == 200) {
                System.out.println("PASS: " + answer.path(countField).asInt() + " " + countField + " imported from "
                        + csv);
                return 0;
            }
            System.err.println("FAIL: " + answer.path("error").asText("HTTP " + response.statusCode()));
            answer.path("problems").forEach(problem -> System.err.println("  " + problem.asText()));
            return 1;
        } catch (IOException e) {
            System.err.println("FAIL: cannot send " + csv + " to " + route + ": " + ApiClient.reason(e));
            return 1;
        }
    }
}
