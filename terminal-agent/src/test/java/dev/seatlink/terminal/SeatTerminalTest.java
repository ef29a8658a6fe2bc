package dev.seatlink.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.Topic;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.display.DisplayKind;
import dev.seatlink.terminal.display.Displays;
import dev.seatlink.terminal.display.Hd44780Probe;
import dev.seatlink.terminal.hardware.Colour;
import dev.seatlink.terminal.hardware.I2cDevices;
import dev.seatlink.terminal.seat.FakeClock;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * A whole seat on Pi4J's mock provider, without a broker: what the agent presses, sees on the
 * 16x2 LCD (decoded from the I2C bytes), sees on the light and hears from the buzzer.
 */
class SeatTerminalTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    /** Mid-way between link-down flashes, so the light shows the state's colour. */
    private static final long T0 = 1_763_900_001_000L;

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock(T0);
    private final SimulatedHardware hardware = new SimulatedHardware();
    private final Hd44780Probe lcd = new Hd44780Probe(hardware);
    private TerminalAgent agent;

    private TerminalAgent start(String... settings) {
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-014");
        props.setProperty("broker", "tcp://127.0.0.1:9"); // nothing listens: the seat must work without its link
        props.setProperty("dataDir", dir.toString());
        props.setProperty("pin.buzzer", "12");
        for (int i = 0; i < settings.length; i += 2) {
            props.setProperty(settings[i], settings[i + 1]);
        }
        TerminalConfig config = TerminalConfig.from(props, "test");
        Display display = Displays.create(DisplayKind.LCD1602, I2cDevices.open(hardware.gpio(), 1, 0x27, false),
                "I2C 1/0x27", null, clock::millis);
        agent = hardware.newAgent(config, clock, display);
        agent.start();
        return agent;
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    private void awaitState(AgentState state) {
        await().atMost(PATIENCE).until(() -> agent.snapshot().state() == state);
    }

    private void awaitLcd(String... lines) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(lcd.lines()).containsExactly(lines));
    }

    @Test
    void theLightFollowsEveryButton() {
        start();

        hardware.press(Key.READY);
        await().atMost(PATIENCE).until(() -> hardware.light() == Colour.GREEN);
        hardware.press(Key.BUSY);
        await().atMost(PATIENCE).until(() -> hardware.light() == Colour.RED);
        hardware.press(Key.BUSY);
        await().atMost(PATIENCE).until(() -> hardware.light() == Colour.AMBER);
        hardware.press(Key.NOT_READY); // pending in wrap-up: still amber, with a blue wink at the end of every 2 s
        await().atMost(PATIENCE).until(() -> agent.snapshot().pending() != null);
        clock.advanceMillis(1_800 - Math.floorMod(clock.millis(), 2_000) + 2_000); // into the next wink
        await().atMost(PATIENCE).until(() -> hardware.light() == Colour.BLUE);
        hardware.press(Key.READY);
        await().atMost(PATIENCE).until(() -> hardware.light() == Colour.GREEN);
        hardware.press(Key.NOT_READY);
        await().atMost(PATIENCE).until(() -> hardware.light() == Colour.BLUE);
        assertThat(agent.snapshot().state()).isEqualTo(AgentState.NOT_READY);
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenLeavesTheSeatWorkingAndTheDisplaySaysSo() throws Exception {
        Path inTheWay = Files.writeString(dir.resolve("not-a-directory"), "x"); // refuses writes even for root
        start("dataDir", inTheWay.resolve("data").toString());

        hardware.press(Key.READY);
        awaitState(AgentState.READY);
        hardware.press(Key.BUSY);

        awaitState(AgentState.BUSY);
        await().atMost(PATIENCE).until(() -> hardware.light() == Colour.RED);
        awaitLcd("BUSY       00:00", "no agent NO DISK");
    }

    @Test
    void anImpossibleSeqInTheStateFileIsTreatedAsCorruptAndPressesAreStillJournalled() throws Exception {
        Files.writeString(dir.resolve("seat-state.json"), "{\"v\":1,\"seat\":\"s-014\",\"state\":\"READY\","
                + "\"help\":false,\"since\":" + T0 + ",\"seq\":9223372036854775807,\"boot\":\"b\"}");
        start();

        hardware.press(Key.READY);

        awaitState(AgentState.READY);
        await().atMost(PATIENCE).until(() -> Files.readString(dir.resolve("events.log")).contains("\"seq\":1,"));
    }

    @Test
    void oneBadByteInTheJournalCostsOnlyItsLine() throws Exception {
        String first = "{\"v\":1,\"seat\":\"s-014\",\"from\":\"LOGGED_OUT\",\"to\":\"READY\",\"help\":false,"
                + "\"at\":" + T0 + ",\"seq\":1,\"boot\":\"b\",\"cause\":\"button\"}\n";
        String second = first.replace("\"seq\":1", "\"seq\":2").replace("\"to\":\"READY\"", "\"to\":\"BUSY\"")
                .replace("\"from\":\"LOGGED_OUT\"", "\"from\":\"READY\"");
        byte[] damaged = {'{', '"', 'v', '"', ':', (byte) 0xFF, '}', '\n'};
        try (var out = Files.newOutputStream(dir.resolve("events.log"))) {
            out.write(first.getBytes(StandardCharsets.UTF_8));
            out.write(damaged);
            out.write(second.getBytes(StandardCharsets.UTF_8));
        }
        start();

        awaitState(AgentState.BUSY);
        hardware.press(Key.BUSY);

        awaitState(AgentState.WRAP_UP);
        await().atMost(PATIENCE).until(() -> Files.readString(dir.resolve("events.log")).contains("\"seq\":3,"));
    }

    @Test
    void theLcdShowsStateTimeAndThatTheLinkIsDown() {
        start();
        hardware.press(Key.READY);
        awaitState(AgentState.READY);

        clock.advanceSeconds(75);

        awaitLcd("READY      01:15", "no agent NO LINK");
    }

    @Test
    void holdingNotReadyOpensTheReasonPickerOnTheDisplay() {
        start();
        hardware.press(Key.READY);
        awaitState(AgentState.READY);

        // when the agent holds Not ready
        hardware.hold(Key.NOT_READY);
        clock.advanceSeconds(1);
        awaitLcd("Reason: break 1/", "no agent NO LINK");
        hardware.release(Key.NOT_READY);
        // and presses it once more to move on, then waits
        hardware.press(Key.NOT_READY);
        awaitLcd("Reason: lunch 2/", "no agent NO LINK");
        assertThat(agent.snapshot().state()).isEqualTo(AgentState.READY);
        clock.advanceSeconds(2);

        // then the seat is not ready for lunch
        awaitState(AgentState.NOT_READY);
        assertThat(agent.snapshot().reason()).isEqualTo("lunch");
        awaitLcd("NOT READY  00:00", "lunch    NO LINK");
    }

    @Test
    void holdingReadyForThreeSecondsSignsOut() {
        start();
        hardware.press(Key.READY);
        awaitState(AgentState.READY);

        hardware.hold(Key.READY);
        clock.advanceSeconds(3);
        awaitState(AgentState.LOGGED_OUT);
        hardware.release(Key.READY);
        clock.advanceMillis(1000); // away from the link-down flash

        await().atMost(PATIENCE).until(() -> hardware.light() == Colour.OFF);
        assertThat(agent.snapshot().state()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void pullingTheHeadsetWhileReadyGoesNotReadyAndPluggingItBackDoesNotMakeTheAgentReady() {
        start();
        hardware.press(Key.READY);
        awaitState(AgentState.READY);

        hardware.headset(false);
        awaitState(AgentState.NOT_READY);
        assertThat(agent.snapshot().reason()).isEqualTo("headset");

        hardware.headset(true);
        clock.advanceSeconds(5);
        assertThat(agent.snapshot().state()).isEqualTo(AgentState.NOT_READY);
    }

    @Test
    void headsetSenseCanBeTurnedOff() {
        start("headset.sense", "false");
        hardware.press(Key.READY);
        awaitState(AgentState.READY);

        hardware.press(Key.HELP); // something to wait for after the headset is pulled
        await().atMost(PATIENCE).until(() -> agent.snapshot().help());

        assertThat(agent.snapshot().state()).isEqualTo(AgentState.READY);
    }

    @Test
    void aSupervisorMessageBeepsAndShowsUntilAButtonIsPressed() {
        start();
        hardware.press(Key.READY);
        awaitState(AgentState.READY);
        AtomicInteger beeps = hardware.beepsFromNow();

        agent.onMessage(new Decoded.Accepted(Topic.seat("hq", "f1", "s-014", Topic.Kind.CMD),
                new Command.ShowMessage("c-1", "Huddle at 10:30", "sup-7", T0)));

        await().atMost(PATIENCE).until(() -> beeps.get() > 0);
        awaitLcd("READY      00:00", "Huddle at 10:30 ");
        hardware.press(Key.HELP);
        awaitLcd("READY      00:00", "HELP no  NO LINK");
    }

    @Test
    void anAcknowledgedHandIsLoweredWithABeep() {
        start();
        hardware.press(Key.READY);
        hardware.press(Key.HELP);
        await().atMost(PATIENCE).until(() -> agent.snapshot().help());
        await().atMost(PATIENCE).until(() -> !hardware.buzzing());
        AtomicInteger beeps = hardware.beepsFromNow();

        agent.onMessage(new Decoded.Accepted(Topic.seat("hq", "f1", "s-014", Topic.Kind.CMD),
                new Command.AckHelp("c-2", "sup-7", T0)));

        await().atMost(PATIENCE).until(() -> !agent.snapshot().help());
        await().atMost(PATIENCE).until(() -> beeps.get() > 0);
    }

    @Test
    void stoppingTurnsTheLightOff() {
        start();
        assertThat(hardware.light()).isEqualTo(Colour.OFF);
        hardware.press(Key.READY);
        await().atMost(PATIENCE).until(() -> hardware.light() == Colour.GREEN);

        agent.close();

        assertThat(hardware.light()).isEqualTo(Colour.OFF);
    }

    @Test
    void aRestartResumesTheSavedStateAndSeq() {
        start();
        hardware.press(Key.READY);
        hardware.press(Key.BUSY);
        awaitState(AgentState.BUSY);
        agent.close();

        SimulatedHardware again = new SimulatedHardware();
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-014");
        props.setProperty("dataDir", dir.toString());
        agent = again.newAgent(TerminalConfig.from(props, "test"), clock, Display.NONE);

        assertThat(agent.snapshot().state()).isEqualTo(AgentState.BUSY);
        assertThat(List.of(dir.toFile().list())).contains("seat-state.json");
    }
}
