package dev.seatlink.gateway;

import dev.seatlink.gateway.testing.TestCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.gateway.testing.ChildJvm;
import dev.seatlink.gateway.testing.FreePorts;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.link.Credentials;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A year of a floor's events in the store and a gateway with a small heap: a 399-day report completes
 * (it streams and aggregates, it does not load the period), a user who may see no seat reads nothing, and
 * reports run side by side leave the gateway up.
 */
class ReportsInBoundedMemoryTest {
    private static final int EVENTS = 1_000_000;
    /** Far less than the period's events would take as objects: a report that loaded them would not complete. */
    private static final int HEAP_MB = 64;
    private static final int SEATS = 24;
    private static final long DAY = 86_400_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void a399DayReportOverAMillionEventsCompletesInA64MbHeap() throws Exception {
        long to = System.currentTimeMillis() / DAY * DAY;
        long from = to - 399 * DAY;
        Path data = dir.resolve("gateway");
        fill(data, from, to);
        CredentialFiles secrets = new CredentialFiles(dir.resolve("secrets"), TestCredentials.BCRYPT_COST);
        secrets.supervisor("fm-dana");
        secrets.supervisor("nobody");
        String dana = password("fm-dana");
        int httpPort = FreePorts.next();
        try (ChildJvm gateway = ChildJvm.startWithHeap(HEAP_MB, "dev.seatlink.gateway.GatewayMain",
                dir.resolve("gw.log"),
                "--http-port", String.valueOf(httpPort), "--mqtt-port", String.valueOf(FreePorts.next()),
                "--data-dir", data.toString(), "--users-file", dir.resolve("secrets/supervisors.passwd").toString())) {
            Http http = new Http(httpPort);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> http.get("/health").statusCode() == 200);
            String period = "/api/reports/time-in-state?group=team&from=" + from + "&to=" + to;

            HttpResponse<String> report = http.get(period, "fm-dana", dana, Duration.ofMinutes(2));

            assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
            assertThat(report.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode rows = JSON.readTree(report.body()).path("rows");
            assertThat(rows).hasSize(4);
            long busyMs = 0;
            for (JsonNode row : rows) {
                busyMs += row.path("msInState").path("BUSY").asLong();
            }
            // half of every seat's time is busy: 24 seats x 399 days / 2, give or take the first interval
            assertThat(busyMs).isBetween(SEATS * 399 * DAY / 2 - SEATS * DAY, SEATS * 399 * DAY / 2 + SEATS * DAY);

            HttpResponse<String> none = http.get(period, "nobody", password("nobody"), Duration.ofMinutes(2));
            assertThat(none.statusCode()).as("an account without a role reads no report").isEqualTo(403);

            List<CompletableFuture<Integer>> together = List.of(1, 2, 3).stream().map(i -> CompletableFuture.supplyAsync(
                    () -> http.get(period, "fm-dana", dana, Duration.ofMinutes(2)).statusCode())).toList();
            for (CompletableFuture<Integer> status : together) {
                assertThat(status.get()).isIn(200, 503);
            }
            assertThat(gateway.alive()).isTrue();
            assertThat(http.get("/health").statusCode()).isEqualTo(200);
            assertThat(Files.readString(dir.resolve("gw.log"))).doesNotContain("OutOfMemoryError");
        }
    }

    @Test
    void aReportWithAnAbsurdDateIsRefusedWithA400() throws Exception {
        CredentialFiles secrets = new CredentialFiles(dir.resolve("secrets"), TestCredentials.BCRYPT_COST);
        secrets.supervisor("fm-dana");
        try (Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw"))
                .withUsers(dir.resolve("secrets/supervisors.passwd")))) {
            Http http = new Http(gateway.httpPort());
            String dana = password("fm-dana");
            for (String query : new String[] {"/api/reports/daily?date=+999999999-12-31", "/api/reports/daily?date=1066-10-14",
                    "/api/reports/time-in-state?from=9999999999999999&to=99999999999999999",
                    "/api/reports/time-in-state?from=-999999999-01-01T00:00:00Z"}) {
                HttpResponse<String> answer = http.get(query, "fm-dana", dana);
                assertThat(answer.statusCode()).as(query + " " + answer.body()).isEqualTo(400);
            }
        }
    }

    private String password(String user) {
        return Credentials.read(dir.resolve("secrets/supervisors/" + user + ".credentials")).password();
    }

    /** Every seat alternates READY and BUSY, evenly spread over the period: EVENTS rows in all. */
    private static void fill(Path data, long from, long to) throws Exception {
        EventStore.open(data).close();
        long perSeat = EVENTS / SEATS;
        long step = (to - from) / perSeat;
        try (Connection c = EventStore.connect(data.resolve("events.db"));
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO events WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
                     SELECT printf('s-%03d', i % 24 + 1), i / 24 + 1, printf('a%d', 1001 + i % 24),
                            CASE (i / 24) % 2 WHEN 0 THEN 'BUSY' ELSE 'READY' END,
                            CASE (i / 24) % 2 WHEN 0 THEN 'READY' ELSE 'BUSY' END,
                            NULL, 0, ?2 + (i / 24) * ?3, 'b-1', 'button', ?2 + (i / 24) * ?3 FROM n""")) {
            insert.setLong(1, perSeat * SEATS - 1);
            insert.setLong(2, from);
            insert.setLong(3, step);
            insert.executeUpdate();
        }
    }
}
