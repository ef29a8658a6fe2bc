package dev.seatlink.gateway.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.gateway.answer.ApiClient;
import dev.seatlink.gateway.answer.WholeAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tools/seatlink fleet}: every seat terminal of a floor, from its gateway's API. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Lists a floor's seat terminals: online or offline, release, boot id, time since boot,",
                "last event, reconnects and lost events, from the gateway's /api/fleet."})
public final class FleetCommand implements Callable<Integer> {
    private static final String PATH = "/api/fleet";
    /** For the headers, then again for the rest: a gateway stopping mid-answer would stop {@code --watch} for good. */
    private static final Duration ANSWER_TIME = Duration.ofSeconds(10);

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "the floor gateway (default ${DEFAULT-VALUE})")
    String gateway;

    @Option(names = "--json", description = "print the API's JSON instead of the table")
    boolean json;

    @Option(names = "--watch", paramLabel = "SECONDS", description = "refresh every SECONDS until Ctrl-C")
    Integer watch;

    private final HttpClient http = ApiClient.toGateway();
    Duration wholeAnswer = ANSWER_TIME; // shorter in the tests

    @Override
    public Integer call() throws InterruptedException {
        while (true) {
            String body;
            try {
                body = fetch();
            } catch (IOException e) {
                System.err.println("FAIL: cannot read " + gateway + PATH + ": " + ApiClient.reason(e));
                return 1;
            }
            if (watch != null) {
                System.out.print("\033[H\033[2J"); // clear the terminal between refreshes
            }
            try {
                System.out.print(json ? body + "\n" : FleetTable.render(new ObjectMapper().readTree(body)));
            } catch (IOException e) {
                System.err.println("FAIL: " + gateway + PATH + " did not answer JSON: " + e.getMessage());
                return 1;
            }
            if (watch == null) {
                return 0;
            }
            Thread.sleep(watch * 1000L);
        }
    }

    private String fetch() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(ApiClient.route(gateway, PATH))
                .timeout(ANSWER_TIME).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return WholeAnswer.text(body, wholeAnswer, PATH);
        }
    }
}
