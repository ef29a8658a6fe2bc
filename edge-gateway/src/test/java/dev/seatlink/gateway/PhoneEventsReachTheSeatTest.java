package dev.seatlink.gateway;

import static dev.seatlink.gateway.testing.FloorChecks.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.SeatTerminal;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.CtiEvent;
import dev.seatlink.protocol.PhoneRules;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.display.Screen;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phone system drives the seat: events posted to the webhook (as an integration account) or published on the
 * floor's cti topic reach a real terminal on mock hardware, which rings, goes BUSY, waits with a Not ready pressed
 * during the call, and wraps up; repeats, malformed events and unknown agents change nothing and are counted.
 */
class PhoneEventsReachTheSeatTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String SEAT = "s-007";
    private static final String PHONE = "PJSIP/1007";
    private static final String EVENTS = "/api/cti/events";

    @TempDir
    Path dir;

    private GatewayConfig config;
    private Gateway gateway;
    private SeatTerminal terminal;
    private SimulatedHardware seat;
    private Http http;
    private String pbxPassword;
    private DemoManager manager;
    private final AtomicReference<Screen> shown = new AtomicReference<>();

    @BeforeEach
    void startFloorWithOneSeatSignedIn() {
        manager = DemoManager.in(dir);
        pbxPassword = DemoManager.account(manager.usersFile().getParent(), "pbx");
        config = GatewayConfig.defaults().with(0, null, 0, dir.resolve("gw")).withUsers(manager.usersFile());
        gateway = Gateway.start(config);
        http = new Http(gateway.httpPort());
        terminal = SeatTerminal.start(gateway.brokerUrl(), SEAT, dir.resolve(SEAT), shown::set);
        seat = terminal.hardware();
        await().atMost(PATIENCE).until(() -> seatView().path("online").asBoolean());
        seat.press(Key.READY);
        await().atMost(PATIENCE).until(() -> "READY".equals(seatView().path("state").asText()));
    }

    @AfterEach
    void stop() {
        terminal.close();
        gateway.close();
    }

    private JsonNode seatView() {
        return http.json("/api/seats/" + SEAT);
    }

    private String state() {
        return seatView().path("state").asText();
    }

    private static String event(String id, String type, String agentName) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"agent\":\"" + agentName + "\",\"callId\":\"c-1\","
                + "\"at\":" + System.currentTimeMillis() + "}";
    }

    private HttpResponse<String> post(String body) {
        return http.post(EVENTS, body, "pbx", pbxPassword);
    }

    private long cti(String outcome) {
        return metric(http, "seatlink_cti_events_total{outcome=\"" + outcome + "\"}");
    }

    @Test
    void webhookEventsRingTheSeatMakeItBusyAndANotReadyPressedDuringTheCallWaitsForItsEnd() {
        assertThat(post(event("e1", "call.offered", PHONE)).statusCode()).isEqualTo(204);
        await().atMost(PATIENCE).until(() -> shown.get() != null && "RINGING".equals(shown.get().call()));
        assertThat(state()).as("a ring changes no state").isEqualTo("READY");

        assertThat(post(event("e2", "call.answered", PHONE)).statusCode()).isEqualTo(204);
        await().atMost(PATIENCE).until(() -> "BUSY".equals(state()));
        JsonNode events = manager.http(gateway.httpPort()).json("/api/seats/" + SEAT + "/events");
        assertThat(events.get(events.size() - 1).path("cause").asText()).isEqualTo("phone");

        seat.press(Key.NOT_READY);
        await().atMost(PATIENCE).until(() -> "break".equals(seatView().path("pending").path("reason").asText()));
        assertThat(post(event("e3", "call.ended", PHONE)).statusCode()).isEqualTo(204);
        await().atMost(PATIENCE).until(() -> "WRAP_UP".equals(state()));
        assertThat(post(event("e4", "wrapup.ended", PHONE)).statusCode()).isEqualTo(204);
        await().atMost(PATIENCE).until(() -> "NOT_READY".equals(state()));
        assertThat(seatView().path("reason").asText()).isEqualTo("break");
        long seq = seatView().path("seq").asLong();

        // a repeat is answered like the first and changes nothing
        assertThat(post(event("e2", "call.answered", PHONE)).statusCode()).isEqualTo(204);
        HttpResponse<String> malformed = post("{\"id\":\"e9\",\"type\":\"call.parked\",\"agent\":\"" + PHONE + "\"}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"reason\":\"bad_value\"").contains("call.parked");
        HttpResponse<String> unknown = post(event("e10", "call.answered", "PJSIP/9999"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("PJSIP/9999");
        assertThat(http.post(EVENTS, event("e11", "call.answered", PHONE), DemoManager.NAME, manager.password())
                .statusCode()).as("a supervisor is no integration").isEqualTo(403);
        assertThat(http.post(EVENTS, event("e12", "call.answered", PHONE), "pbx", "wrong").statusCode()).isEqualTo(401);

        // the call, its wrap-up over, is in the reports
        await().atMost(PATIENCE).until(() -> manager.http(gateway.httpPort())
                .json("/api/reports/time-in-state?group=agent").path("rows").findValues("calls").stream()
                .anyMatch(calls -> calls.path("handled").asInt() == 1));
        String csv = manager.http(gateway.httpPort()).get("/api/reports/time-in-state?group=team&format=csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(
                ",calls_handled,call_avg_handle_s,call_avg_speed_of_answer_s,calls_missed,call_hold_s");
        assertThat(csv.lines().filter(line -> line.startsWith("billing-1,"))).singleElement()
                .satisfies(line -> assertThat(line.split(",", -1)[line.split(",", -1).length - 5]).isEqualTo("1"));
        JsonNode byLine = manager.http(gateway.httpPort()).json("/api/reports/time-in-state?group=businessLine");
        assertThat(byLine.path("rows").findValues("key").stream().map(JsonNode::asText)).contains("billing");
        assertThat(cti("forwarded")).isEqualTo(4);
        assertThat(cti("repeat")).isEqualTo(1);
        assertThat(cti("invalid")).isEqualTo(1);
        assertThat(cti("unmapped")).isEqualTo(1);
        assertThat(state()).isEqualTo("NOT_READY");
        assertThat(seatView().path("seq").asLong()).as("nothing more happened at the seat").isEqualTo(seq);

        gateway.close(); // a restart mid-shift: the shift's calls come back from the store
        gateway = Gateway.start(config);
        http = new Http(gateway.httpPort());
        await().atMost(PATIENCE).until(() -> http.json("/api/floor").path("kpis").path("calls").path("floor")
                .path("handled").asInt() == 1);
    }

    @Test
    void eventsOnTheFloorsCtiTopicReachTheSeatAndThreeMissedCallsMakeItNotReadyMissed() throws Exception {
        long now = System.currentTimeMillis();
        Topic topic = Topic.floor("hq", "f1", Topic.Kind.CTI);
        try (MqttProbe pbx = MqttProbe.session(gateway.brokerUrl(), "hq.f1.cti")) {
            pbx.publish(topic, new CtiEvent("m1", CallEventType.CALL_ANSWERED, PHONE, "c-1", now, null));
            await().atMost(PATIENCE).until(() -> "BUSY".equals(state()));
            pbx.publish(topic, new CtiEvent("m2", CallEventType.CALL_ENDED, PHONE, "c-1", now, null));
            await().atMost(PATIENCE).until(() -> "WRAP_UP".equals(state()));
            seat.press(Key.READY);
            await().atMost(PATIENCE).until(() -> "READY".equals(state()));

            for (int i = 1; i <= 3; i++) {
                pbx.publish(topic, new CtiEvent("miss-" + i, CallEventType.CALL_MISSED, PHONE, "c-" + (10 + i), now,
                        null));
                pbx.publish(topic, new CtiEvent("miss-" + i, CallEventType.CALL_MISSED, PHONE, "c-" + (10 + i), now,
                        null)); // each sent twice: a repeat is not a second miss
            }
        }

        await().atMost(PATIENCE).until(() -> "NOT_READY".equals(state()));
        assertThat(seatView().path("reason").asText()).isEqualTo(PhoneRules.MISSED_REASON);
        await().atMost(PATIENCE).until(() -> cti("repeat") == 3);
        assertThat(cti("forwarded")).isEqualTo(5);
    }
}
