package dev.seatlink.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seatlink.gateway.acd.sim.SimulatedAsterisk;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.SeatTerminal;
import dev.seatlink.terminal.display.Screen;
import dev.seatlink.terminal.hardware.Colour;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway on an Asterisk manager interface — the in-JVM {@link SimulatedAsterisk} speaking Asterisk 20's frames — and a
 * real terminal on mock hardware: queue events drive the seat with no button pressed, the seat's state goes back as
 * queue pauses the ACD echoes, a dropped AMI is reconciled with nothing doubled, missed calls end in NOT_READY
 * {@code missed}, and a pause the ACD never takes is an alert.
 */
class PhoneSystemOverAmiTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String SEAT = "s-1";
    private static final String PHONE = "PJSIP/1001";

    @TempDir
    Path dir;

    private final SimulatedAsterisk ami = new SimulatedAsterisk().member(PHONE, "Anna", "support", "sales")
            .member("PJSIP/1002", "Ben", "support");
    private Gateway gateway;
    private SeatTerminal terminal;
    private SimulatedHardware seat;
    private Http http;
    private final AtomicReference<Screen> shown = new AtomicReference<>();

    @BeforeEach
    void startFloorOnTheAmiWithOneSeatReady() throws Exception {
        Path site = dir.resolve("floor.json");
        Files.writeString(site, """
                {"site":"hq","floor":"f1","phone":{"missedToNotReady":3},
                 "teams":[{"id":"phones","reasons":["break","lunch"],"wrapUpSeconds":2}],
                 "seats":[{"seat":"s-1","team":"phones","agent":"a1","x":0,"y":0,"acd":["PJSIP/1001"]},
                          {"seat":"s-2","team":"phones","agent":"a2","x":1,"y":0,"acd":["PJSIP/1002"]}]}""");
        startGateway(0);
        terminal = SeatTerminal.start(gateway.brokerUrl(), SEAT, dir.resolve(SEAT), shown::set);
        seat = terminal.hardware();
        await().atMost(PATIENCE).until(() -> seatView().path("online").asBoolean());
        seat.press(Key.READY);
        await().atMost(PATIENCE).until(() -> "READY".equals(state()));
    }

    /** The floor's gateway on the AMI, its embedded broker on {@code mqttPort} (0: any free one). */
    private void startGateway(int mqttPort) {
        gateway = Gateway.start(GatewayConfig.defaults().with(0, null, mqttPort, dir.resolve("gw"))
                .toBuilder().siteFile(dir.resolve("floor.json"))
                .acd(new GatewayConfig.Acd("127.0.0.1", ami.port(), SimulatedAsterisk.USER, SimulatedAsterisk.SECRET)).build());
        http = new Http(gateway.httpPort());
        await().atMost(PATIENCE).until(() -> "UP".equals(http.json("/health").path("acd").asText()));
    }

    @AfterEach
    void stop() {
        terminal.close();
        gateway.close();
        ami.close();
    }

    private JsonNode seatView() {
        return http.json("/api/seats/" + SEAT);
    }

    private String state() {
        return seatView().path("state").asText();
    }

    private long pausesAsked(String reason) {
        return ami.actions("QueuePause").stream().filter(a -> reason.equals(a.get("reason"))).count();
    }

    private boolean alerted(String type) {
        for (JsonNode alert : http.json("/api/alerts").path("active")) {
            if (type.equals(alert.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aQueueCallRingsConnectsAndEndsTheSeatAndANotReadyPressedDuringItWaitsThenPausesTheMemberInEveryQueue() {
        ami.emit("AgentCalled", PHONE, "1764590400.42");
        await().atMost(PATIENCE).until(() -> shown.get() != null && "RINGING".equals(shown.get().call()));

        ami.emit("AgentConnect", PHONE, "1764590400.42");
        await().atMost(PATIENCE).until(() -> "BUSY".equals(state()));
        await().atMost(PATIENCE).until(() -> seat.light() == Colour.RED); // the light shows it, no button pressed
        seat.press(Key.NOT_READY);
        await().atMost(PATIENCE).until(() -> "break".equals(seatView().path("pending").path("reason").asText()));
        await().atMost(PATIENCE).until(() -> shown.get() != null && "Next: break".equals(shown.get().nextText()));

        ami.emit("AgentComplete", PHONE, "1764590400.42");
        await().atMost(PATIENCE).until(() -> "wrap-up".equals(ami.pauseOf(PHONE)));
        await().atMost(PATIENCE).until(() -> "NOT_READY".equals(state()));
        assertThat(seatView().path("reason").asText()).isEqualTo("break");
        await().atMost(PATIENCE).until(() -> "break".equals(ami.pauseOf(PHONE)));

        Map<String, String> asked = ami.actions("QueuePause").stream().filter(a -> "break".equals(a.get("reason")))
                .findFirst().orElseThrow();
        assertThat(asked).containsEntry("interface", PHONE).doesNotContainKey("queue"); // every queue at once
        seat.press(Key.READY);
        await().atMost(PATIENCE).until(() -> ami.pauseOf(PHONE) == null);
        assertThat(alerted("acd-out-of-sync")).isFalse();
        // the figures are the last tick's: the wrap-up that followed the call shows within a second of its end
        await().atMost(PATIENCE).until(() -> http.json("/api/floor").path("kpis").path("calls").path("floor")
                .path("wrapUpMs").asLong() >= 1_000);
        JsonNode calls = http.json("/api/floor").path("kpis").path("calls");
        assertThat(calls.path("floor").path("handled").asInt()).isEqualTo(1);
        assertThat(calls.path("floor").path("averageSpeedOfAnswerMs").asLong()).as("AgentConnect's HoldTime 4 s")
                .isEqualTo(4_000);
        assertThat(calls.path("seats").path(SEAT).path("handled").asInt()).isEqualTo(1);
    }

    @Test
    void anAmiThatDropsIsShownDownAndOnReconnectIsReadAgainAndSetRightWithNothingDoubled() {
        seat.press(Key.NOT_READY);
        await().atMost(PATIENCE).until(() -> "break".equals(ami.pauseOf(PHONE)));
        long seq = seatView().path("seq").asLong();
        assertThat(pausesAsked("break")).isEqualTo(1);

        ami.close(); // Asterisk stops: no reconnect can succeed until it is back
        await().atMost(PATIENCE).until(() -> http.json("/health").path("acd").asText().startsWith("DOWN"));
        await().atMost(PATIENCE).until(() -> alerted("acd-down"));
        assertThat(http.json("/health").path("status").asText()).as("the floor still works").isEqualTo("UP");
        seat.press(Key.READY);
        await().atMost(PATIENCE).until(() -> "READY".equals(state()));
        seat.press(Key.NOT_READY);
        await().atMost(PATIENCE).until(() -> "NOT_READY".equals(state()));
        assertThat(pausesAsked("break")).as("nothing sent while down").isEqualTo(1);

        ami.reopen(); // back, having lost its pauses in the restart
        await().atMost(PATIENCE).until(() -> "UP".equals(http.json("/health").path("acd").asText()));
        await().atMost(PATIENCE).until(() -> "break".equals(ami.pauseOf(PHONE)));
        await().atMost(PATIENCE).until(() -> !alerted("acd-down"));
        assertThat(pausesAsked("break")).as("set once more after reading it").isEqualTo(2);
        assertThat(seatView().path("seq").asLong()).as("the seat's own events: two presses, none doubled")
                .isEqualTo(seq + 2);
    }

    @Test
    void aCallCutByAnAsteriskRestartEndsAtTheSeatOnceTheLinkIsBackAndIsCountedAsHandled() {
        ami.emit("AgentConnect", PHONE, "1764590400.42");
        await().atMost(PATIENCE).until(() -> "BUSY".equals(state()));

        ami.close(); // Asterisk restarts: the call is cut and no AgentComplete will ever say so
        await().atMost(PATIENCE).until(() -> http.json("/health").path("acd").asText().startsWith("DOWN"));
        ami.reopen();

        // its QueueStatus says the member is in no call: the seat wraps up (2 s) and is Ready again
        await().atMost(PATIENCE).until(() -> "READY".equals(state()));
        await().atMost(PATIENCE).until(() -> http.json("/api/floor").path("kpis").path("calls").path("seats")
                .path(SEAT).path("handled").asInt() == 1);
    }

    @Test
    void aCallThatEndedWhileTheGatewayWasRestartingEndsAtTheSeatWhenItIsBack() {
        ami.emit("AgentConnect", PHONE, "1764590400.42");
        await().atMost(PATIENCE).until(() -> "BUSY".equals(state()));
        int mqttPort = java.net.URI.create(gateway.brokerUrl()).getPort();

        gateway.close(); // an upgrade, say: the call ends meanwhile, and no AgentComplete will come again
        ami.emit("AgentComplete", PHONE, "1764590400.42");
        startGateway(mqttPort);

        // its first QueueStatus says the member is in no call: the seat wraps up (2 s) and is Ready again
        await().atMost(PATIENCE).until(() -> "READY".equals(state()));
    }

    @Test
    void aCallStillGoingOnWhenTheLinkComesBackKeepsTheSeatBusy() {
        ami.emit("AgentConnect", PHONE, "1764590400.42");
        await().atMost(PATIENCE).until(() -> "BUSY".equals(state()));
        int reads = ami.actions("QueueStatus").size();

        ami.dropAll(); // the link drops, Asterisk and the call go on
        await().atMost(PATIENCE).until(() -> ami.actions("QueueStatus").size() > reads);
        // heard after the reconnect's read: whatever the read made the seat do reached it before this ring
        ami.emit("AgentCalled", PHONE, "1764590400.43");
        await().atMost(PATIENCE).until(() -> shown.get() != null && "RINGING".equals(shown.get().call()));

        assertThat(state()).isEqualTo("BUSY");
        ami.emit("AgentComplete", PHONE, "1764590400.42");
        await().atMost(PATIENCE).until(() -> "READY".equals(state()));
    }

    @Test
    void threeMissedCallsInARowMakeTheSeatNotReadyMissedAndPauseItsMember() {
        for (int call = 1; call <= 3; call++) {
            ami.emit("AgentCalled", PHONE, "1764590400." + call);
            ami.emit("AgentRingNoAnswer", PHONE, "1764590400." + call);
        }

        await().atMost(PATIENCE).until(() -> "NOT_READY".equals(state()));
        assertThat(seatView().path("reason").asText()).isEqualTo("missed");
        await().atMost(PATIENCE).until(() -> "missed".equals(ami.pauseOf(PHONE)));
    }

    @Test
    void aTeamThatTakesSignedOutAgentsOutOfTheQueuesRemovesTheMemberAndPutsItBackInTheSameQueues() throws Exception {
        Path site = dir.resolve("floor.json");
        Files.writeString(site, Files.readString(site).replace("\"phone\":{\"missedToNotReady\":3}",
                "\"phone\":{\"missedToNotReady\":3,\"signOut\":\"remove\"}")); // applied while running

        seat.hold(Key.READY); // held 3 s: sign out
        await().atMost(PATIENCE).until(() -> "LOGGED_OUT".equals(state()));
        seat.release(Key.READY);
        await().atMost(PATIENCE).until(() -> ami.queuesOf(PHONE).isEmpty());
        assertThat(ami.actions("QueueRemove")).extracting(a -> a.get("queue")).contains("support", "sales");

        seat.press(Key.READY);
        await().atMost(PATIENCE).until(() -> ami.queuesOf(PHONE).size() == 2);
        assertThat(ami.queuesOf(PHONE)).containsExactlyInAnyOrder("support", "sales");
        await().atMost(PATIENCE).until(() -> ami.available(PHONE)); // back in, unpaused: calls come again
        assertThat(alerted("acd-out-of-sync")).isFalse();
    }

    @Test
    void aPauseTheAcdNeverEchoesIsAskedAgainAndRaisesAnAcdOutOfSyncAlert() {
        ami.echoPauses(false);
        seat.press(Key.NOT_READY);

        await().atMost(PATIENCE).until(() -> alerted("acd-out-of-sync"));
        assertThat(pausesAsked("break")).as("asked again while unconfirmed").isGreaterThanOrEqualTo(2);

        ami.echoPauses(true);
        await().atMost(PATIENCE).until(() -> !alerted("acd-out-of-sync"));
    }
}
