package dev.seatlink.gateway;

import dev.seatlink.gateway.testing.TestCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.gateway.testing.FloorChecks;
import dev.seatlink.gateway.testing.HeadlessChromium;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MosquittoBroker;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.gateway.testing.SeatTerminal;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.ClientId;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;

/** Two gateways on one floor: both ingest and serve, one primary acts, the standby takes over when it goes. */
class GatewayPairTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SET_NOT_READY = "{\"cmd\":\"set-state\",\"state\":\"NOT_READY\",\"reason\":\"coaching\"}";
    private final List<AutoCloseable> running = new ArrayList<>();
    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private String password;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(MosquittoBroker.installed(), "mosquitto is not installed (apt-get install mosquitto)");
        broker = MosquittoBroker.start(dir.resolve("broker"));
        running.add(broker);
        CredentialFiles secrets = new CredentialFiles(dir.resolve("secrets"), TestCredentials.BCRYPT_COST);
        secrets.supervisor("fm-dana");
        password = Files.readAllLines(dir.resolve("secrets/supervisors/fm-dana.credentials")).get(1).substring(9);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void bothStoreWhatTheSeatSaysOnlyThePrimaryActsAndTheStandbyTakesOverWhenItStops() throws Exception {
        Gateway a = gateway("a");
        Http httpA = new Http(a.httpPort());
        await().atMost(PATIENCE).until(() -> "primary".equals(role(httpA).path("role").asText()));
        Gateway b = gateway("b");
        Http httpB = new Http(b.httpPort());
        await().atMost(PATIENCE).until(() -> "hq-f1-gateway-a".equals(role(httpB).path("primary").asText()));
        assertThat(role(httpB).path("role").asText()).isEqualTo("standby");
        assertThat(role(httpB).path("primaryUrl").asText()).isEqualTo("http://127.0.0.1:" + a.httpPort() + "/");

        SimulatedHardware seat = terminal("s-001");
        seat.press(Key.READY);
        for (Http http : List.of(httpA, httpB)) {
            await().atMost(PATIENCE).until(() -> "READY".equals(http.json("/api/seats/s-001").path("state").asText()));
        }

        // the standby sends nobody's command: it says where the primary is
        HttpResponse<String> refused = httpB.post("/api/seats/s-001/commands", SET_NOT_READY, "fm-dana", password);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonNode answer = new ObjectMapper().readTree(refused.body());
        assertThat(answer.path("primary").asText()).isEqualTo("hq-f1-gateway-a");
        assertThat(answer.path("primaryUrl").asText()).isEqualTo("http://127.0.0.1:" + a.httpPort() + "/");
        HttpResponse<String> sent = httpA.post("/api/seats/s-001/commands", SET_NOT_READY, "fm-dana", password);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        for (Http http : List.of(httpA, httpB)) {
            await().atMost(PATIENCE).until(() -> "NOT_READY".equals(http.json("/api/seats/s-001").path("state").asText()));
        }

        // a move is made on the primary, and the standby runs the same teams (and keeps them when it takes over)
        String move = "{\"seat\":\"s-001\",\"team\":\"vip-care\",\"for\":\"good\"}";
        assertThat(httpB.post("/api/moves", move, "fm-dana", password).statusCode()).isEqualTo(409);
        assertThat(httpB.post("/api/duty-log", "{\"kind\":\"note\",\"text\":\"hi\"}", "fm-dana", password)
                .statusCode()).as("one duty log per floor: the primary's").isEqualTo(409);
        HttpResponse<String> logged = httpA.post("/api/duty-log", "{\"kind\":\"incident\",\"text\":\"row 3 down\"}",
                "fm-dana", password);
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> httpB.json("/api/duty-log", "fm-dana", password)
                .findValuesAsText("text").contains("row 3 down"));
        HttpResponse<String> moved = httpA.post("/api/moves", move, "fm-dana", password);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "vip-care".equals(httpB.json("/api/seats/s-001").path("team").asText()));

        try (MqttProbe lease = new MqttProbe(broker.url(), "seatlink/v1/hq/f1/gateway")) {
            running.remove(a);
            a.close(); // a clean stop says offline: the standby takes the lease at once
            await().atMost(Duration.ofSeconds(5)).until(() -> "primary".equals(role(httpB).path("role").asText()));
            await().atMost(PATIENCE).until(() -> lease.received().stream()
                    .anyMatch(m -> m.payload().contains("\"online\":true") && m.payload().contains("gateway-b")));
        }
        assertThat(httpB.json("/api/moves", "fm-dana", password).path("moves").findValuesAsText("seat"))
                .containsExactly("s-001");
        assertThat(httpB.json("/api/handover?shift=current", "fm-dana", password).path("log").findValuesAsText("text"))
                .as("the new primary's handover has the log written on the old one").containsExactly("row 3 down");
        seat.press(Key.READY);
        await().atMost(PATIENCE).until(() -> "READY".equals(httpB.json("/api/seats/s-001").path("state").asText()));
        HttpResponse<String> again = httpB.post("/api/seats/s-001/commands", SET_NOT_READY, "fm-dana", password);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        String id = new ObjectMapper().readTree(again.body()).path("id").asText();
        await().atMost(PATIENCE).until(() -> "ok".equals(httpB.json("/api/commands/" + id, "fm-dana", password)
                .path("status").asText()));
    }

    @Test
    void aStandbyWhosePrimaryFallsSilentTakesTheLeaseAfterTheTimeout() throws Exception {
        try (MqttProbe ghost = new MqttProbe(broker.url(), "seatlink/v1/hq/f1/gateway")) {
            // a primary that renewed once and died with its Last Will lost (as when its node dies with it)
            ghost.publishRaw("seatlink/v1/hq/f1/gateway", "{\"v\":1,\"online\":true,\"id\":\"hq-f1-gateway-a\",\"ts\":"
                    + System.currentTimeMillis() + ",\"role\":\"primary\",\"since\":" + System.currentTimeMillis() + "}", true);
            Gateway b = gateway("b");
            Http httpB = new Http(b.httpPort());
            await().atMost(PATIENCE).until(() -> "hq-f1-gateway-a".equals(role(httpB).path("primary").asText()));
            long heard = System.nanoTime();
            await().atMost(PATIENCE).until(() -> "primary".equals(role(httpB).path("role").asText()));
            assertThat(Duration.ofNanos(System.nanoTime() - heard)).as("lease timeout 6 s").isGreaterThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aPhoneEventTheStandbyHeardWhileThePrimaryWasDeadIsForwardedWhenItTakesOver() throws Exception {
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
        try (MqttProbe ghost = new MqttProbe(broker.url(), "seatlink/v1/hq/f1/s-001/call")) {
            // a primary that renews until the phone event has come, then dies with its Last Will lost: nobody
            // forwards the event until the standby takes over (renewed meanwhile, so a slow start cannot make the
            // standby primary before the event comes)
            long since = System.currentTimeMillis();
            heartbeats.scheduleAtFixedRate(() -> {
                try {
                    ghost.publishRaw("seatlink/v1/hq/f1/gateway", "{\"v\":1,\"online\":true,"
                            + "\"id\":\"hq-f1-gateway-a\",\"ts\":" + System.currentTimeMillis()
                            + ",\"role\":\"primary\",\"since\":" + since + "}", true);
                } catch (MqttException e) {
                    throw new IllegalStateException(e);
                }
            }, 0, 1, TimeUnit.SECONDS);
            Gateway b = gateway("b");
            Http httpB = new Http(b.httpPort());
            await().atMost(PATIENCE).until(() -> "hq-f1-gateway-a".equals(role(httpB).path("primary").asText())
                    && "GRANTED".equals(httpB.json("/health").path("subscriptions").asText()));

            // the phone system's adapter says on the floor's topic that s-001 (PJSIP/1001) answered a call
            ghost.publishRaw("seatlink/v1/hq/f1/cti", "{\"v\":1,\"id\":\"pbx-7\",\"type\":\"call.answered\","
                    + "\"agent\":\"PJSIP/1001\",\"callId\":\"c-7\",\"at\":" + System.currentTimeMillis() + "}", false);
            await().atMost(PATIENCE).until(() -> httpB.get("/metrics").body()
                    .contains("seatlink_cti_events_total{outcome=\"standby\"} 1"));
            assertThat(ghost.received()).as("a standby forwards nothing").isEmpty();
            assertThat(httpB.get("/metrics").body()).as("but keeps it").contains("seatlink_cti_owed 1");

            heartbeats.shutdownNow(); // the primary dies
            await().atMost(PATIENCE).until(() -> "primary".equals(role(httpB).path("role").asText()));
            await().atMost(PATIENCE).until(() -> ghost.received().stream()
                    .anyMatch(m -> m.payload().contains("\"id\":\"pbx-7\"") && m.payload().contains("call.answered")));
            await().atMost(PATIENCE).until(() -> httpB.get("/metrics").body().contains("seatlink_cti_owed 0"));
        } finally {
            heartbeats.shutdownNow();
        }
    }

    @Test
    void eachWallboardSaysWhichGatewayItIsOnAndTheStandbysSendsSupervisorsToThePrimary() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "chromium and chromium-driver are not installed");
        Gateway a = gateway("a");
        await().atMost(PATIENCE).until(() -> "primary".equals(role(new Http(a.httpPort())).path("role").asText()));
        Gateway b = gateway("b");
        Http httpB = new Http(b.httpPort());
        await().atMost(PATIENCE).until(() -> "hq-f1-gateway-a".equals(role(httpB).path("primary").asText()));
        assertThat(role(httpB).path("claiming").asBoolean()).isFalse();
        ChromeDriver browser = HeadlessChromium.start(dir.resolve("browser"));
        running.add(browser::quit);

        browser.get(b.wallboardUrl());
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() ->
                assertThat(browser.findElement(By.id("gateway-role")).getText())
                        .isEqualTo("standby gateway · go to the primary"));
        // the badge is drawn again with each update: an element found a moment ago may be gone
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() ->
                assertThat(browser.findElement(By.cssSelector("#gateway-role a")).getAttribute("href"))
                        .isEqualTo("http://127.0.0.1:" + a.httpPort() + "/"));
        browser.get(a.wallboardUrl());
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() ->
                assertThat(browser.findElement(By.id("gateway-role")).getText()).isEqualTo("primary gateway"));
        browser.get("about:blank"); // before the gateways stop: a lost stream is no error of this page
        assertThat(HeadlessChromium.consoleErrors(browser)).isEmpty();
    }

    @Test
    void aGatewayGetsTheEventsItMissedFromItsPartnerWhenTheSeatCannotReplayThem() throws Exception {
        Gateway b = gateway("b");
        Http httpB = new Http(b.httpPort());
        try (MqttProbe seat = new MqttProbe(broker.url())) { // a seat that sends, then dies with its journal
            long now = System.currentTimeMillis();
            Http httpA = partnerStartedAfterThreeEvents(seat, now, httpB);

            seat.publish(Topic.seat("hq", "f1", "s-001", Topic.Kind.EVENT), event(4, now));
            seat.publish(Topic.seat("hq", "f1", "s-001", Topic.Kind.STATUS), SeatStatus.offline("boot-1", now + 4));

            // a asks the seat to replay 1..3; the seat cannot, b (which shows it offline) sends what it stored
            await().atMost(PATIENCE).until(() -> storedSeqs(httpA).equals(List.of(1L, 2L, 3L, 4L)));
            assertThat(storedSeqs(httpB)).containsExactly(1L, 2L, 3L, 4L);
            assertThat(httpB.get("/metrics").body()).contains("seatlink_partner_replayed_events_total 3");
        }
    }

    @Test
    void aGatewayGetsTheEventsItMissedFromItsPartnerWhenASeatOnlineDoesNotAnswerTheReplay() throws Exception {
        Gateway b = gateway("b");
        Http httpB = new Http(b.httpPort());
        // a seat online that answers rebirths (so it stays online) but never a replay
        ScheduledExecutorService rebirths = Executors.newSingleThreadScheduledExecutor();
        try (MqttProbe seat = new MqttProbe(broker.url(), Topic.seat("hq", "f1", "s-001", Topic.Kind.CMD).toString())) {
            Set<String> answered = new HashSet<>(); // by the one scheduled task only
            rebirths.scheduleWithFixedDelay(() -> answerRebirths(seat, answered), 0, 200, TimeUnit.MILLISECONDS);
            long now = System.currentTimeMillis();
            Http httpA = partnerStartedAfterThreeEvents(seat, now, httpB);

            seat.publish(Topic.seat("hq", "f1", "s-001", Topic.Kind.EVENT), event(4, now));

            // a asks the seat to replay 1..3; the seat, online at b too, says nothing, so b sends what it stored
            await().atMost(PATIENCE).until(() -> storedSeqs(httpA).equals(List.of(1L, 2L, 3L, 4L)));
            assertThat(httpB.json("/api/seats/s-001").path("online").asBoolean()).isTrue();
            assertThat(httpB.get("/metrics").body()).contains("seatlink_partner_replayed_events_total 3");
        } finally {
            rebirths.shutdownNow();
        }
    }

    /**
     * The seat online says seqs 1..3, which gateway b (already running) stores; then gateway a starts, never having
     * heard them, and subscribes: returns a's HTTP.
     */
    private Http partnerStartedAfterThreeEvents(MqttProbe seat, long now, Http httpB) throws MqttException {
        seat.publish(Topic.seat("hq", "f1", "s-001", Topic.Kind.STATUS), SeatStatus.online("boot-1", "test", now));
        for (long seq = 1; seq <= 3; seq++) {
            seat.publish(Topic.seat("hq", "f1", "s-001", Topic.Kind.EVENT), event(seq, now));
        }
        await().atMost(PATIENCE).until(() -> storedSeqs(httpB).equals(List.of(1L, 2L, 3L)));
        Http httpA = new Http(gateway("a").httpPort());
        await().atMost(PATIENCE).until(() -> "GRANTED".equals(httpA.json("/health").path("subscriptions").asText()));
        return httpA;
    }

    /** Answers each rebirth the seat was asked and not yet {@code answered}, as a terminal does; not a replay. */
    private static void answerRebirths(MqttProbe seat, Set<String> answered) {
        Codec codec = new Codec();
        for (MqttProbe.Received received : List.copyOf(seat.received())) {
            if (codec.decode(received.topic(), received.payload().getBytes(StandardCharsets.UTF_8))
                    instanceof Decoded.Accepted accepted && accepted.message() instanceof Command.Rebirth rebirth
                    && answered.add(rebirth.id())) {
                try {
                    seat.publish(Topic.seat("hq", "f1", "s-001", Topic.Kind.STATUS), SeatStatus.online("boot-1",
                            "test", System.currentTimeMillis()).answering(rebirth.id()));
                } catch (MqttException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void thePrimaryFollowsTheStandbysRollCallAndAsksNoSeatItself() throws Exception {
        // the seats first: their online statuses come to the gateways retained, as what they said last, not greetings
        terminal("s-001"); // answers every rebirth
        try (MqttProbe silent = new MqttProbe(broker.url())) { // a seat that says online, then answers nothing
            silent.publish(Topic.seat("hq", "f1", "s-002", Topic.Kind.STATUS),
                    SeatStatus.online("boot-2", "test", System.currentTimeMillis()));
            Gateway a = gateway("a");
            Http httpA = new Http(a.httpPort());
            await().atMost(PATIENCE).until(() -> "primary".equals(role(httpA).path("role").asText()));
            Gateway b = gateway("b");
            Http httpB = new Http(b.httpPort());
            await().atMost(PATIENCE).until(() -> "standby".equals(role(httpB).path("role").asText())
                    && "GRANTED".equals(httpB.json("/health").path("subscriptions").asText()));
            long seats = new SiteConfigLoader().loadDemo().seats().size();
            // the primary's roll call on taking the floor: every seat asked once (s-001 answers it)
            await().atMost(PATIENCE).until(() -> FloorChecks.metric(httpA, "seatlink_rebirths_sent_total") == seats);

            // the standby's link is knocked off (a client takes its session) and comes back: it calls the roll
            MqttProbe.session(broker.url(), ClientId.gateway("hq", "f1", "b")).close();

            await().atMost(PATIENCE).until(() -> FloorChecks.metric(httpA, "seatlink_rebirths_followed_total") > 0);
            // the primary's own asks of the seats that never answered end 15 s after it took the floor: time enough
            // for a join, which answers to the standby's asks would set off at once
            await().atMost(PATIENCE).until(() -> !httpA.json("/api/seats/s-002").path("online").asBoolean());
            assertThat(FloorChecks.metric(httpA, "seatlink_rebirths_sent_total"))
                    .as("the primary followed the standby's asks and joined no call: no seat asked again")
                    .isEqualTo(seats);
            assertThat(httpA.json("/api/seats/s-001").path("online").asBoolean()).isTrue();
        }
    }

    private static SeatEvent event(long seq, long now) {
        return new SeatEvent("s-001", "a1001", seq == 1 ? AgentState.LOGGED_OUT : AgentState.READY,
                seq % 2 == 1 ? AgentState.READY : AgentState.BUSY, null, false, now + seq, seq, "boot-1", Cause.BUTTON);
    }

    private List<Long> storedSeqs(Http http) {
        List<Long> seqs = new ArrayList<>();
        http.json("/api/seats/s-001/events", "fm-dana", password).findValues("seq").forEach(seq -> seqs.add(seq.asLong()));
        return seqs;
    }

    private static JsonNode role(Http http) {
        return http.json("/health").path("gateway");
    }

    private Gateway gateway(String instance) {
        Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, broker.url(), 0, dir.resolve(instance))
                .withUsers(dir.resolve("secrets/supervisors.passwd")).toBuilder().instance(instance).build());
        running.add(gateway);
        return gateway;
    }

    private SimulatedHardware terminal(String seatId) {
        SeatTerminal terminal = SeatTerminal.start(broker.url(), seatId, dir.resolve(seatId));
        running.add(terminal);
        return terminal.hardware();
    }
}
