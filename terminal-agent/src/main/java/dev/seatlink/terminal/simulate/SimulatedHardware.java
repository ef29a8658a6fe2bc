package dev.seatlink.terminal.simulate;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.hardware.Buttons;
import dev.seatlink.terminal.hardware.Buzzer;
import dev.seatlink.terminal.hardware.Colour;
import dev.seatlink.terminal.hardware.HeadsetSense;
import dev.seatlink.terminal.hardware.LightType;
import dev.seatlink.terminal.hardware.Pi4jContexts;
import dev.seatlink.terminal.hardware.StatusLight;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.badge.BadgeReaderSpec;
import dev.seatlink.terminal.badge.BadgeReaders;
import dev.seatlink.terminal.badge.Mfrc522;
import dev.seatlink.terminal.badge.Mfrc522Reader;
import dev.seatlink.terminal.seat.Key;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seat's GPIO and I2C on Pi4J's mock providers: the same button, light and display code as on a
 * Pi, with pins that a person (keyboard), a bot or a test drives. The only production code that uses
 * the mock plugin. Its seat has an MFRC522 badge reader on mock SPI ({@link SimulatedMfrc522}).
 */
public final class SimulatedHardware {
    private final Context pi4j;
    private final Map<String, DigitalOutput> outputs = new ConcurrentHashMap<>();
    /** The seat's MFRC522 badge reader, made with the agent. */
    private SimulatedMfrc522 chip;

    public SimulatedHardware() {
        pi4j = Pi4J.newContextBuilder().noAutoDetect()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                        MockI2CProvider.newInstance(), new SimulatedMfrc522.Provider())
                .build();
    }

    /**
     * A terminal agent on this hardware, its inputs then held high as a Pi's pull-ups hold them
     * (mock inputs start low, which would read as every button held and the headset pulled).
     */
    public TerminalAgent newAgent(TerminalConfig config, Clock clock, Display display) {
        if (chip == null) { // one reader per seat, however many agents a test starts on it
            chip = (SimulatedMfrc522) BadgeReaders.spi(pi4j, MockSpiProvider.ID, BadgeReaderSpec.parse("mfrc522"));
        }
        TerminalAgent agent = new TerminalAgent(config, clock, gpio(), display, new Mfrc522Reader(new Mfrc522(chip)));
        pi4j.registry().allByType(DigitalInput.class).values()
                .forEach(input -> ((MockDigitalInput) input).mockState(DigitalState.HIGH));
        return agent;
    }

    public Pi4jContexts.Gpio gpio() {
        return new Pi4jContexts.Gpio(pi4j, MockDigitalInputProvider.ID, MockDigitalOutputProvider.ID, MockI2CProvider.ID);
    }

    /**
     * Presses and releases a button: the pin goes low (the press) and back high. A mock input starts
     * low, unlike a real pulled-up pin, so it is first set released or the first press would be no edge.
     */
    public void press(Key key) {
        hold(key);
        release(key);
    }

    /** Pushes a button down and keeps it there. */
    public void hold(Key key) {
        MockDigitalInput input = input(Buttons.id(key));
        input.mockState(DigitalState.HIGH);
        input.mockState(DigitalState.LOW);
    }

    /** Lets a held button go. */
    public void release(Key key) {
        input(Buttons.id(key)).mockState(DigitalState.HIGH);
    }

    /**
     * Holds a badge (its card's UID, 8 hex digits) on the seat's MFRC522 reader, or takes it away (null): the
     * terminal's reader reads it through the chip's register protocol, as on a Pi.
     */
    public void badge(String uidHex) {
        chip.present(uidHex);
    }

    /** Plugs the headset in or pulls it out (the jack switch opens with a plug in: high). */
    public void headset(boolean plugged) {
        input(HeadsetSense.ID).mockState(plugged ? DigitalState.HIGH : DigitalState.LOW);
    }

    private MockDigitalInput input(String id) {
        return (MockDigitalInput) pi4j.registry().get(id, DigitalInput.class);
    }

    /** The colour the three light pins show now, read as an RGB LED. */
    public Colour light() {
        return light(LightType.RGB);
    }

    /** The colour the three light pins show now, for the given wiring. */
    public Colour light(LightType type) {
        boolean r = high(StatusLight.id("red"));
        boolean g = high(StatusLight.id("green"));
        boolean b = high(StatusLight.id("blue"));
        for (Colour colour : Colour.values()) {
            boolean[] pins = type.pins(colour);
            if (pins[0] == r && pins[1] == g && pins[2] == b) {
                return colour;
            }
        }
        throw new IllegalStateException("no colour has pins " + r + g + b);
    }

    /** Whether the buzzer is sounding. */
    public boolean buzzing() {
        return high(Buzzer.ID);
    }

    /**
     * From now on, counts the buzzer's beeps (each time it starts to sound): a beep lasts a moment, and a test that
     * polls for it can miss it on a busy machine.
     */
    public AtomicInteger beepsFromNow() {
        AtomicInteger beeps = new AtomicInteger();
        output(Buzzer.ID).addListener(change -> {
            if (change.state() == DigitalState.HIGH) {
                beeps.incrementAndGet();
            }
        });
        return beeps;
    }

    private boolean high(String id) {
        return output(id).state() == DigitalState.HIGH;
    }

    private DigitalOutput output(String id) {
        // Kept once found, so the pins can still be read after the agent shut the context down.
        return outputs.computeIfAbsent(id, key -> pi4j.registry().get(key, DigitalOutput.class));
    }

    /** Everything written to the display's I2C device since the last call, in order. */
    public byte[] displayBytes() {
        I2C device = pi4j.registry().get("display", I2C.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int n;
        while ((n = device.read(chunk, 0, chunk.length)) > 0) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
