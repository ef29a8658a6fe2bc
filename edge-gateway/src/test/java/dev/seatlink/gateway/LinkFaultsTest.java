package dev.seatlink.gateway;

import static dev.seatlink.gateway.testing.FloorChecks.exactly;
import static dev.seatlink.gateway.testing.FloorChecks.metric;
import static dev.seatlink.gateway.testing.FloorChecks.report;
import static dev.seatlink.gateway.testing.FloorChecks.storedSeqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.testing.ChildJvm;
import dev.seatlink.gateway.testing.DemoManager;
import dev.seatlink.gateway.testing.FreePorts;
import dev.seatlink.gateway.testing.Http;
import dev.seatlink.gateway.testing.MosquittoBroker;
import dev.seatlink.gateway.testing.MqttProbe;
import dev.seatlink.gateway.testing.OverloadsTheMachine;
import dev.seatlink.gateway.testing.TestCredentials;
import dev.seatlink.link.Credentials;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "link that loses nothing" against a real Mosquitto on a free loopback port. Each scenario is
 * bounded in time and count, prints its figures (events sent / stored / duplicates / gaps / time to
 * recover), and ends with every seat's stored events being exactly 1..n.
 */
@OverloadsTheMachine
class LinkFaultsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long T = System.currentTimeMillis();

    @TempDir
    Path dir;

    private final List<AutoCloseable> running = new ArrayList<>();

    /** Signs in to read the seats' event histories. */
    private DemoManager manager;

    @BeforeEach
    void needsMosquitto() {
        manager = DemoManager.in(dir);
        if (!MosquittoBroker.installed()) {
            System.err.println("SKIPPED: fault scenarios need mosquitto (apt-get install mosquitto)");
        }
        Assumptions.assumeTrue(MosquittoBroker.installed(), "mosquitto is not installed");
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        running.add(resource);
        return resource;
    }

    private MosquittoBroker broker() {
        return keep(MosquittoBroker.start(dir.resolve("mosquitto")));
    }

    private Gateway gateway(String brokerUrl) {
        return keep(Gateway.start(GatewayConfig.defaults().with(0, brokerUrl, 0, dir.resolve("gateway"))
                .withUsers(manager.usersFile())));
    }

    /** A gateway for a floor of {@code seats} seats, s-001 upwards, in one team. */
    private Gateway gateway(String brokerUrl, int seats) throws Exception {
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= seats; i++) {
            list.append(i > 1 ? "," : "").append("{\"seat\":\"").append(seat(i)).append("\",\"team\":\"t1\",\"x\":")
                    .append(i % 10).append(",\"y\":").append(i / 10).append('}');
        }
        Path map = dir.resolve("floor.json");
        Files.writeString(map, "{\"site\":\"hq\",\"floor\":\"f1\",\"managers\":[\"" + DemoManager.NAME
                + "\"],\"teams\":[{\"id\":\"t1\"}],\"seats\":[" + list + "]}");
        return keep(Gateway.start(GatewayConfig.defaults().with(0, brokerUrl, 0, dir.resolve("gateway"))
                .withSiteFile(map).withUsers(manager.usersFile())));
    }

    private TerminalConfig terminalConfig(String seat, String brokerUrl) {
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", seat);
        props.setProperty("broker", brokerUrl);
        props.setProperty("dataDir", dir.resolve("seats").resolve(seat).toString());
        props.setProperty("keepAliveSeconds", "2");
        return TerminalConfig.from(props, "test");
    }

    /** A terminal in this JVM on mock hardware; returns its buttons. */
    private SimulatedHardware terminal(String seat, String brokerUrl) {
        SimulatedHardware hardware = new SimulatedHardware();
        TerminalAgent agent = keep(hardware.newAgent(terminalConfig(seat, brokerUrl), Clock.system(), Display.NONE));
        agent.start();
        return hardware;
    }

    private static String seat(int n) {
        return String.format("s-%03d", n);
    }

    private static SeatEvent event(String seat, long seq) {
        return new SeatEvent(seat, null, AgentState.READY, seq % 2 == 0 ? AgentState.BUSY : AgentState.READY, null,
                false, T + seq, seq, "b-1", Cause.BUTTON);
    }

    private static Topic topic(String seat, Topic.Kind kind) {
        return Topic.seat("hq", "f1", seat, kind);
    }

    /**
     * Every seat signs in and then presses Busy until it has sent {@code perSeat} events, round by round;
     * half-way through, {@code fault} strikes. Returns when it struck.
     */
    private static long burst(List<SimulatedHardware> buttons, int perSeat, Runnable fault) {
        long struckAt = 0;
        for (int round = 0; round < perSeat; round++) {
            for (SimulatedHardware seat : buttons) {
                seat.press(round == 0 ? Key.READY : Key.BUSY);
            }
            if (round == perSeat / 2) {
                fault.run();
                struckAt = System.currentTimeMillis();
            }
        }
        return struckAt;
    }

    /** Waits until seats 1..{@code seats} each have exactly events 1..{@code perSeat} stored. */
    private static void awaitEverySeatStored(Http http, int seats, int perSeat, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            for (int i = 1; i <= seats; i++) {
                if (!exactly(http, seat(i), perSeat)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean online(Http http, String seat) {
        return http.json("/api/seats/" + seat).path("online").asBoolean();
    }

    // a. ------------------------------------------------------------------------------------------

    @Test
    void brokerRestartInTheMiddleOfABurstLosesNothing() throws Exception {
        MosquittoBroker broker = broker();
        Gateway gateway = gateway(broker.url(), 50);
        Http http = manager.http(gateway.httpPort());
        int seats = 50;
        int perSeat = 200;
        List<SimulatedHardware> buttons = new ArrayList<>();
        for (int i = 1; i <= seats; i++) {
            buttons.add(terminal(seat(i), broker.url()));
        }
        await().atMost(PATIENCE).until(() -> http.json("/api/floor").path("kpis").path("online").asInt() == seats);

        long restartedAt = burst(buttons, perSeat, broker::restart);
        awaitEverySeatStored(http, seats, perSeat, Duration.ofSeconds(180));
        long recovered = System.currentTimeMillis() - restartedAt;

        report("a broker restart", (long) seats * perSeat, (long) seats * perSeat, http, recovered);
        assertThat(http.json("/api/seats/s-050").path("seq").asLong()).isEqualTo(perSeat);
        // no QoS 0 taps on one broker: Mosquitto hands a message over once, so a tap took the events for good and
        // the QoS 1 subscriptions' probes never came back (1.5 minutes of stalls, roll calls and rebirths)
        assertThat(metric(http, "seatlink_subscription_taps_total")).isZero();
        assertThat(metric(http, "seatlink_subscriptions_stalled_total")).isZero();
    }

    // b. ------------------------------------------------------------------------------------------

    @Test
    void gatewayKill9AndRestartInTheMiddleOfABurstLosesNothingAndCountsNothingTwice() throws Exception {
        MosquittoBroker broker = broker();
        int httpPort = FreePorts.next();
        String[] args = {"--broker", broker.url(), "--http-port", String.valueOf(httpPort), "--data-dir",
                dir.resolve("gw").toString(), "--users-file", manager.usersFile().toString()};
        ChildJvm gatewayProcess = keep(ChildJvm.start("dev.seatlink.gateway.GatewayMain", dir.resolve("gw.log"), args));
        Http http = manager.http(httpPort);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> http.get("/health").statusCode() == 200);
        int seats = 10;
        int perSeat = 100;
        List<SimulatedHardware> buttons = new ArrayList<>();
        for (int i = 1; i <= seats; i++) {
            buttons.add(terminal(seat(i), broker.url()));
        }
        await().atMost(PATIENCE).until(() -> http.json("/api/floor").path("kpis").path("online").asInt() == seats);

        long killedAt = burst(buttons, perSeat, gatewayProcess::kill9);
        ChildJvm restarted = keep(ChildJvm.start("dev.seatlink.gateway.GatewayMain", dir.resolve("gw.log"), args));
        awaitEverySeatStored(http, seats, perSeat, Duration.ofSeconds(90));
        long recovered = System.currentTimeMillis() - killedAt;

        report("b gateway kill -9", (long) seats * perSeat, (long) seats * perSeat, http, recovered);
        for (int i = 1; i <= seats; i++) {
            assertThat(http.json("/api/seats/" + seat(i)).path("seq").asLong()).isEqualTo(perSeat);
        }
        assertThat(restarted.alive()).isTrue();
    }

    // c. ------------------------------------------------------------------------------------------

    @Test
    void terminalKill9InTheMiddleOfABurstThenRestartKeepsEverySeqOnce() throws Exception {
        MosquittoBroker broker = broker();
        Gateway gateway = gateway(broker.url());
        Http http = manager.http(gateway.httpPort());
        String[] args = {"--seat", "s-020", "--broker", broker.url(), "--hardware", "simulated", "--data-dir",
                dir.resolve("s-020").toString()};
        ChildJvm terminal = keep(ChildJvm.start("dev.seatlink.terminal.TerminalMain", dir.resolve("t.log"), args));
        await().atMost(PATIENCE).until(() -> online(http, "s-020"));

        terminal.type("r");
        for (int i = 0; i < 60; i++) {
            terminal.type("b");
            Thread.sleep(5);
        }
        terminal.kill9();
        long killedAt = System.currentTimeMillis();
        ChildJvm again = keep(ChildJvm.start("dev.seatlink.terminal.TerminalMain", dir.resolve("t.log"), args));
        await().atMost(PATIENCE).until(() -> online(http, "s-020"));
        for (int i = 0; i < 40; i++) {
            again.type("b");
            Thread.sleep(5);
        }

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            long last = http.json("/api/seats/s-020").path("seq").asLong();
            return last > 40 && exactly(http, "s-020", last);
        });
        long stored = storedSeqs(http, "s-020").size();
        report("c terminal kill -9", stored, stored, http, System.currentTimeMillis() - killedAt);
    }

    // d. ------------------------------------------------------------------------------------------

    @Test
    void aTerminalKilledWithoutDisconnectShowsOfflineWithinOneAndAHalfKeepalives() throws Exception {
        MosquittoBroker broker = broker();
        Gateway gateway = gateway(broker.url());
        Http http = manager.http(gateway.httpPort());
        Path config = dir.resolve("terminal.properties");
        Files.writeString(config, "keepAliveSeconds=2\n");
        ChildJvm terminal = keep(ChildJvm.start("dev.seatlink.terminal.TerminalMain", dir.resolve("t.log"), "--config",
                config.toString(), "--seat", "s-021", "--broker", broker.url(), "--hardware", "simulated", "--data-dir",
                dir.resolve("s-021").toString()));
        await().atMost(PATIENCE).until(() -> online(http, "s-021"));

        terminal.kill9();
        long killedAt = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> !online(http, "s-021"));
        long offlineAfter = System.currentTimeMillis() - killedAt;

        report("d killed without disconnect (keepalive 2 s)", 0, 0, http, offlineAfter);
        assertThat(offlineAfter).isLessThan(4_500); // 1.5 x keepalive, plus the broker's one-second check
        assertThat(http.json("/api/seats/s-021").path("state").asText()).isEqualTo("OFFLINE");
    }

    // e. ------------------------------------------------------------------------------------------

    @Test
    void aLateLastWillAfterANewBirthDoesNotMarkTheSeatOffline() throws Exception {
        MosquittoBroker broker = broker();
        Gateway gateway = gateway(broker.url());
        Http http = manager.http(gateway.httpPort());
        MqttProbe seat = keep(new MqttProbe(broker.url()));

        seat.publish(topic("s-022", Topic.Kind.STATUS), SeatStatus.online("boot-2", "1.0", T));
        await().atMost(PATIENCE).until(() -> online(http, "s-022"));
        seat.publish(topic("s-022", Topic.Kind.STATUS), SeatStatus.offline("boot-1", T - 60_000));

        await().atMost(PATIENCE).until(() -> metric(http, "seatlink_status_stale_will_total") == 1);
        assertThat(online(http, "s-022")).isTrue();
        report("e late Last Will", 0, 0, http, 0);
    }

    // f. ------------------------------------------------------------------------------------------

    @Test
    void aTerminalBootedWhileTheBrokerIsDownConnectsWhenItAppears() throws Exception {
        int port = FreePorts.next();
        String url = "tcp://127.0.0.1:" + port;
        Gateway gateway = gateway(url);
        Http http = manager.http(gateway.httpPort());
        terminal("s-023", url);
        Thread.sleep(3_000);
        assertThat(http.get("/health").statusCode()).isEqualTo(503);
        assertThat(http.json("/health").path("subscriptions").asText()).isEqualTo("WAITING");
        assertThat(http.get("/metrics").body()).contains("\nseatlink_broker_subscribed 0\n");

        keep(MosquittoBroker.start(dir.resolve("late-broker"), port));
        long appearedAt = System.currentTimeMillis();
        await().atMost(PATIENCE).until(() -> online(http, "s-023"));

        report("f broker down at boot", 0, 0, http, System.currentTimeMillis() - appearedAt);
        await().atMost(PATIENCE).until(() -> http.get("/health").statusCode() == 200);
        await().atMost(PATIENCE).until(() -> "GRANTED".equals(http.json("/health").path("subscriptions").asText()));
        assertThat(http.get("/metrics").body()).contains("\nseatlink_broker_subscribed 1\n");
    }

    // i. ------------------------------------------------------------------------------------------

    @Test
    void aFullDiskPausesIngestSaysWhyAndResumesByItselfLosingNothing() throws Exception {
        Path disk = dir.resolve("small-disk");
        Files.createDirectories(disk);
        boolean mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start().waitFor() == 0;
        if (!mounted) {
            System.err.println("SKIPPED: cannot mount a small tmpfs here (needs root); disk-full scenario not run");
        }
        Assumptions.assumeTrue(mounted, "cannot mount a small tmpfs");
        running.add(() -> new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor());
        MosquittoBroker broker = broker();
        Gateway gateway = keep(Gateway.start(GatewayConfig.defaults().with(0, broker.url(), 0,
                disk.resolve("gateway")).withUsers(manager.usersFile())));
        Http http = manager.http(gateway.httpPort());
        MqttProbe seat = keep(new MqttProbe(broker.url()));
        seat.publish(topic("s-019", Topic.Kind.STATUS), SeatStatus.online("b-1", "1.0", T));
        await().atMost(PATIENCE).until(() -> online(http, "s-019"));
        // leave about 40 KB free
        Path filler = disk.resolve("filler");
        long free = Files.getFileStore(disk).getUsableSpace();
        Files.write(filler, new byte[(int) Math.max(0, free - 40_000)]);

        // when events keep coming until the store cannot write
        int sent = 0;
        while (http.get("/health").statusCode() == 200 && sent < 5_000) {
            for (int i = 0; i < 50; i++) {
                seat.publish(topic("s-019", Topic.Kind.EVENT), event("s-019", ++sent));
            }
            Thread.sleep(20);
        }
        // then ingest has paused and /health says why
        assertThat(http.get("/health").statusCode()).isEqualTo(503);
        assertThat(http.json("/health").path("store").asText()).startsWith("DOWN: cannot write").contains("ingest paused");
        for (int i = 0; i < 200; i++) {
            seat.publish(topic("s-019", Topic.Kind.EVENT), event("s-019", ++sent));
        }

        // and when space is freed it resumes by itself, with every event stored exactly once
        Files.delete(filler);
        long freedAt = System.currentTimeMillis();
        int total = sent;
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> exactly(http, "s-019", total));
        await().atMost(PATIENCE).until(() -> http.get("/health").statusCode() == 200);
        assertThat(metric(http, "seatlink_store_failures_total")).isPositive();
        report("i store disk full", total, total, http, System.currentTimeMillis() - freedAt);
    }

    // h. ------------------------------------------------------------------------------------------

    /** Mosquitto with the demo floor's generated logins and ACL, the files written to {@code secrets}. */
    private MosquittoBroker withLogins(Path secrets) throws Exception {
        new dev.seatlink.gateway.access.CredentialFiles(secrets, TestCredentials.BCRYPT_COST)
                .generate(new dev.seatlink.gateway.site.SiteConfigLoader().loadDemo());
        return keep(MosquittoBroker.start(dir.resolve("mosquitto"), FreePorts.next(),
                Files.readString(secrets.resolve("mosquitto-auth.conf"))));
    }

    /** A gateway logged in to {@code broker} with its generated login. */
    private Gateway gatewayLoggedIn(Path secrets, MosquittoBroker broker) {
        Credentials gatewayLogin = Credentials.read(secrets.resolve("gateway.credentials"));
        return keep(Gateway.start(GatewayConfig.defaults().with(0, broker.url(), 0,
                dir.resolve("gateway")).withLogin(gatewayLogin.username(),
                gatewayLogin.password(), null).withUsers(manager.usersFile())));
    }

    @Test
    void aTerminalWithSeatAsCredentialsCannotPublishUnderSeatB() throws Exception {
        Path secrets = dir.resolve("secrets");
        MosquittoBroker broker = withLogins(secrets);
        Http http = manager.http(gatewayLoggedIn(secrets, broker).httpPort());
        await().atMost(PATIENCE).until(() -> http.get("/health").statusCode() == 200);
        Credentials seatA = Credentials.read(secrets.resolve("seats/s-005.credentials"));
        MqttProbe asSeatA = keep(MqttProbe.login(broker.url(), seatA.username(),
                seatA.password(), "seatlink/v1/hq/f1/s-006/cmd"));

        // when seat A publishes its own status and events, and then under seat B
        asSeatA.publish(topic("s-005", Topic.Kind.STATUS), SeatStatus.online("b-1", "1.0", T));
        asSeatA.publish(topic("s-005", Topic.Kind.EVENT), event("s-005", 1));
        asSeatA.publish(topic("s-006", Topic.Kind.STATUS), SeatStatus.online("b-1", "1.0", T));
        asSeatA.publish(topic("s-006", Topic.Kind.EVENT), event("s-006", 1));
        asSeatA.publish(Topic.seat("hq", "f1", "s-006", Topic.Kind.CMD),
                new dev.seatlink.protocol.Command.Rebirth("forged", T));

        // then A's own messages arrive and nothing under B does, and A cannot read B's commands
        await().atMost(PATIENCE).until(() -> exactly(http, "s-005", 1));
        Thread.sleep(1_000);
        assertThat(storedSeqs(http, "s-006")).isEmpty();
        assertThat(online(http, "s-006")).isFalse();
        assertThat(asSeatA.received()).isEmpty();
        // and a wrong password is refused outright
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MqttProbe.login(broker.url(), seatA.username(),
                "wrong")).isInstanceOf(org.eclipse.paho.client.mqttv3.MqttSecurityException.class);
        report("h seat A under seat B", 2, 1, http, 0);
    }

    @Test
    void aSeatsLoginCannotTakeTheGatewaysOrAnotherSeatsClientId() throws Exception {
        Path secrets = dir.resolve("secrets");
        MosquittoBroker broker = withLogins(secrets);
        Http http = manager.http(gatewayLoggedIn(secrets, broker).httpPort());
        await().atMost(PATIENCE).until(() -> http.get("/health").statusCode() == 200);
        Credentials seatA = Credentials.read(secrets.resolve("seats/s-005.credentials"));
        Credentials seatB = Credentials.read(secrets.resolve("seats/s-006.credentials"));
        MqttProbe asSeatB = keep(MqttProbe.login(broker.url(), seatB.username(),
                seatB.password()));
        asSeatB.publish(topic("s-006", Topic.Kind.STATUS), SeatStatus.online("b-6", "1.0", T));
        await().atMost(PATIENCE).until(() -> online(http, "s-006"));

        // when seat A's login connects (clean session) under the gateway's client id and then under seat B's
        for (String someoneElse : new String[] {"hq.f1.gateway", "hq.f1.s-006"}) {
            keep(MqttProbe.loginAs(broker.url(), someoneElse, seatA.username(),
                    seatA.password())).close();
        }

        // then neither the gateway nor seat B was knocked off: both still connected, B still online
        // (a knocked-off gateway would reconnect within its first backoff, 1 s: watch for longer than that)
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> asSeatB.isConnected()
                && metric(http, "seatlink_broker_connects_total") == 1);
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        assertThat(online(http, "s-006")).isTrue();
        asSeatB.publish(topic("s-006", Topic.Kind.EVENT), event("s-006", 1));
        await().atMost(PATIENCE).until(() -> exactly(http, "s-006", 1));
    }


    // g. ------------------------------------------------------------------------------------------

    @Test
    void aGapIsFilledByReplayAfterTheReorderTimeoutAndNoReplayIsSentWhenTheEventComesInTime() throws Exception {
        MosquittoBroker broker = broker();
        Gateway gateway = gateway(broker.url());
        Http http = manager.http(gateway.httpPort());
        MqttProbe seats = keep(new MqttProbe(broker.url(), "seatlink/v1/hq/f1/+/cmd"));

        // s-024 loses seq 3; s-016 delivers it late but within the timeout
        for (String seat : List.of("s-024", "s-016")) {
            seats.publish(topic(seat, Topic.Kind.STATUS), SeatStatus.online("b-1", "1.0", T));
            await().atMost(PATIENCE).until(() -> online(http, seat));
            for (long seq : new long[] {1, 2, 4}) {
                seats.publish(topic(seat, Topic.Kind.EVENT), event(seat, seq));
            }
        }
        Thread.sleep(500);
        seats.publish(topic("s-016", Topic.Kind.EVENT), event("s-016", 3));
        long gapAt = System.currentTimeMillis();

        // then only s-024 is asked to replay, from seq 3, and answering fills the gap
        await().atMost(Duration.ofSeconds(10)).until(() -> seats.received().stream()
                .anyMatch(m -> m.topic().endsWith("s-024/cmd") && m.payload().contains("\"cmd\":\"replay\"")));
        assertThat(seats.received()).filteredOn(m -> m.topic().endsWith("s-024/cmd")).first()
                .satisfies(m -> assertThat(m.payload()).contains("\"from\":3"));
        seats.publish(topic("s-024", Topic.Kind.EVENT), event("s-024", 3));
        await().atMost(PATIENCE).until(() -> exactly(http, "s-024", 4) && exactly(http, "s-016", 4));
        long filled = System.currentTimeMillis() - gapAt;
        Thread.sleep(2_500);

        assertThat(seats.received()).noneMatch(m -> m.topic().endsWith("s-016/cmd"));
        assertThat(http.json("/api/seats/s-024").path("seq").asLong()).isEqualTo(4);
        assertThat(metric(http, "seatlink_replays_sent_total")).isEqualTo(1);
        assertThat(metric(http, "seatlink_gaps_filled_total")).isEqualTo(2);
        report("g gap filled by replay", 8, 8, http, filled);
    }
}
