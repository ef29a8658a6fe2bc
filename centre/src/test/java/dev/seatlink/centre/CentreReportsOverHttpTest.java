package dev.seatlink.centre;

import static dev.seatlink.centre.report.CopiedEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.centre.config.CentreFile;
import dev.seatlink.centre.feed.CentreLink;
import dev.seatlink.centre.report.CentreReports;
import dev.seatlink.gateway.central.CentralStore;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MosquittoBroker;
import dev.seatlink.gateway.testing.PostgresPerClass;
import dev.seatlink.gateway.testing.PostgresServer;
import dev.seatlink.protocol.AgentState;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duty manager's reports across floors, over HTTP, from the centre-wide store; bad periods get a 400, and a report
 * beyond the two running at once a 503.
 */
class CentreReportsOverHttpTest {
    static final long DAY = 1_760_000_000_000L - 1_760_000_000_000L % 86_400_000L; // a past midnight, UTC
    static final long MIN = 60_000;

    @TempDir
    static Path dir;
    @RegisterExtension
    static final PostgresPerClass postgres = new PostgresPerClass();
    static MosquittoBroker broker;
    static Vertx vertx;
    static Http withStore;
    static Http withoutStore;

    @BeforeAll
    static void start() throws Exception {
        try (CentralStore store = new CentralStore(postgres.url(), PostgresServer.USER, null)) {
            store.insert("hq", "f1", "hq-f1-gateway-a", List.of(
                    event("s-1", 1, AgentState.LOGGED_OUT, AgentState.READY, DAY + 500 * MIN),
                    event("s-1", 2, AgentState.READY, AgentState.BUSY, DAY + 540 * MIN),
                    event("s-1", 3, AgentState.BUSY, AgentState.LOGGED_OUT, DAY + 550 * MIN)));
            store.insert("hq", "f2", "hq-f2-gateway-b", List.of(
                    event("s-7", 1, AgentState.LOGGED_OUT, AgentState.BUSY, DAY + 60 * MIN),
                    event("s-7", 2, AgentState.BUSY, AgentState.LOGGED_OUT, DAY + 65 * MIN)));
        }
        broker = MosquittoBroker.start(dir.resolve("broker"));
        Path centreFile = dir.resolve("centre.json");
        Files.writeString(centreFile, "{\"centre\":\"HQ\",\"floors\":[{\"site\":\"hq\",\"floor\":\"f1\"},"
                + "{\"site\":\"hq\",\"floor\":\"f2\"}]}");
        vertx = Vertx.vertx();
        withStore = new Http(deploy(centreFile, new CentreReports(postgres.url(), PostgresServer.USER, null)));
        withoutStore = new Http(deploy(centreFile, null));
    }

    private static int deploy(Path centreFile, CentreReports reports) throws Exception {
        CentreVerticle verticle = new CentreVerticle(new CentreSettings(broker.url(), centreFile, "127.0.0.1", 0,
                new CentreLink.Login(null, null, null), reports, ZoneOffset.UTC), CentreFile.read(centreFile));
        vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return verticle.httpPort();
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void timeInStateAndTheDailyReportAnswerPerFloorAndState() {
        JsonNode period = withStore.json("/api/reports/time-in-state?from=" + DAY + "&to=" + (DAY + 1_440 * MIN));
        String date = Instant.ofEpochMilli(DAY).atZone(ZoneOffset.UTC).toLocalDate().toString();
        JsonNode daily = withStore.json("/api/reports/daily?date=" + date);

        for (JsonNode report : List.of(period, daily)) {
            assertThat(report.path("floors").path("hq/f1").path("READY").path("ms").asLong()).isEqualTo(40 * MIN);
            assertThat(report.path("floors").path("hq/f1").path("BUSY").path("ms").asLong()).isEqualTo(10 * MIN);
            assertThat(report.path("floors").path("hq/f2").path("BUSY").path("ms").asLong()).isEqualTo(5 * MIN);
            assertThat(report.path("floors").path("hq/f2").path("BUSY").path("entries").asLong()).isEqualTo(1);
            assertThat(report.path("truncated").asBoolean(true)).isFalse();
        }
        assertThat(daily.path("date").asText()).isEqualTo(date);
        assertThat(daily.path("zone").asText()).isEqualTo("Z");
    }

    @Test
    void absurdPeriodsAndDatesAreRefusedWithA400SayingWhy() {
        List<String> refused = List.of(
                "/api/reports/time-in-state",
                "/api/reports/time-in-state?from=yesterday&to=today",
                "/api/reports/time-in-state?from=" + (DAY + MIN) + "&to=" + DAY,
                "/api/reports/time-in-state?from=" + DAY + "&to=" + (DAY + 32 * 1_440 * MIN),
                "/api/reports/time-in-state?from=" + Long.MIN_VALUE + "&to=" + Long.MAX_VALUE,
                "/api/reports/time-in-state?from=-5000&to=5000",
                "/api/reports/daily",
                "/api/reports/daily?date=2026-13-01",
                "/api/reports/daily?date=+999999999-12-31",
                "/api/reports/daily?date=-999999999-01-01",
                "/api/reports/daily?date=0001-01-01");
        for (String path : refused) {
            var answer = withStore.get(path);
            assertThat(answer.statusCode()).as(path + " -> " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).as(path).contains("\"error\"");
        }
    }

    @Test
    void aCentreWithoutAStoreSaysSo() {
        var answer = withoutStore.get("/api/reports/daily?date=2026-12-01");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("--central-store");
    }

    @Test
    void aThirdReportWhileTwoAreRunningIsTurnedAwayWithRetryAfterAndTheTwoStillAnswer() throws Exception {
        String date = "/api/reports/daily?date=" + Instant.ofEpochMilli(DAY).atZone(ZoneOffset.UTC).toLocalDate();
        ExecutorService pages = Executors.newFixedThreadPool(2);
        try (Connection holder = DriverManager.getConnection(postgres.url(), PostgresServer.USER, null);
             Connection watcher = DriverManager.getConnection(postgres.url(), PostgresServer.USER, null)) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE events IN ACCESS EXCLUSIVE MODE"); // the reports wait until the rollback
            }
            List<Future<HttpResponse<String>>> running = List.of(
                    pages.submit(() -> withStore.get(date, null, null, Duration.ofSeconds(60))),
                    pages.submit(() -> withStore.get(date, null, null, Duration.ofSeconds(60))));
            await().atMost(Duration.ofSeconds(30)).until(() -> reportsWaitingForTheLock(watcher) == 2);

            HttpResponse<String> third = withStore.get(date);
            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(third.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(third.body()).contains("2 reports are being computed");

            holder.rollback();
            for (Future<HttpResponse<String>> report : running) {
                assertThat(report.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(withStore.get(date).statusCode()).isEqualTo(200);
        } finally {
            pages.shutdownNow();
        }
    }

    /** The centre's report queries PostgreSQL shows waiting for a lock. */
    private static int reportsWaitingForTheLock(Connection watcher) throws Exception {
        try (Statement query = watcher.createStatement();
             ResultSet count = query.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                     + "'seatlink-centre' AND wait_event_type = 'Lock'")) {
            count.next();
            return count.getInt(1);
        }
    }
}
