package dev.seatlink.gateway.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.link.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tools/seatlink agents import FILE}: replaces a floor's agent directory from a CSV, through its gateway. */
@Command(name = "agents", mixinStandardHelpOptions = true, subcommands = AgentsCommand.Import.class,
        description = "The floor's agent directory (names, home teams, skills, badges).")
public final class AgentsCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code agents import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Replaces the agent directory with the agents of a CSV file (header id,name,team,skill",
                    "[,badge,active]), checked line by line by the gateway: all or nothing."})
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the CSV file")
        Path csv;

        @Option(names = "--gateway", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
                description = "the floor gateway (default ${DEFAULT-VALUE})")
        String gateway;

        @Option(names = "--credentials", paramLabel = "FILE", required = true,
                description = "a floor manager's credentials file (username=… password=…, from credentials --supervisor)")
        Path credentials;

        @Override
        public Integer call() throws InterruptedException {
            try {
                if (Files.size(csv) > AgentCsv.MAX_BYTES) {
                    System.err.println("FAIL: " + csv + " is larger than " + AgentCsv.MAX_BYTES / 1024 / 1024 + " MB");
                    return 2;
                }
                Credentials login = Credentials.read(credentials);
                String body = JSON.writeValueAsString(Map.of("csv", Files.readString(csv, StandardCharsets.UTF_8)));
                HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                        .send(HttpRequest.newBuilder(URI.create(gateway + "/api/agents/import"))
                                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                        (login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                JsonNode answer = JSON.readTree(response.body());
                if (response.statusCode() == 200) {
                    System.out.println("PASS: " + answer.path("agents").asInt() + " agents imported from " + csv);
                    return 0;
                }
                System.err.println("FAIL: " + answer.path("error").asText("HTTP " + response.statusCode()));
                answer.path("problems").forEach(problem -> System.err.println("  " + problem.asText()));
                return 1;
            } catch (IOException e) {
                System.err.println("FAIL: " + e.getMessage());
                return 1;
            }
        }
    }
}
