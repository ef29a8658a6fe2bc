package dev.seatlink.gateway.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatlink.terminal.testing.StandInServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WholeAnswerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAnswerThatComesWholeIsRead() throws Exception {
        try (StandInServer server = StandInServer.answering("{\"seats\":[]}");
                InputStream body = ask(server)) {

            assertThat(WholeAnswer.text(body, Duration.ofSeconds(10), "/api/fleet")).isEqualTo("{\"seats\":[]}");
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anAnswerThatStopsHalfWayEndsOnceTheBoundIsUpInsteadOfHoldingTheReaderForEver() throws Exception {
        try (StandInServer server = StandInServer.stallingAfter("{\"seats\":[");
                InputStream body = ask(server)) {

            assertThatThrownBy(() -> WholeAnswer.text(body, Duration.ofMillis(300), "/api/fleet"))
                    .isInstanceOf(WholeAnswer.NotWhole.class)
                    .hasMessage("no whole answer from /api/fleet within 300 ms");
        }
    }

    @Test
    void whatTheReaderItselfFailsOnIsPassedOnAsItIs() {
        IOException notJson = new IOException("not JSON");

        assertThatThrownBy(() -> WholeAnswer.read(new ByteArrayInputStream(new byte[] {'<'}), Duration.ofSeconds(10),
                "/api/fleet", in -> {
                    throw notJson;
                })).isSameAs(notJson);
    }

    private InputStream ask(StandInServer server) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/")).build(),
                HttpResponse.BodyHandlers.ofInputStream()).body();
    }
}
