package dev.seatlink.terminal.simulate;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import dev.seatlink.terminal.hardware.Buttons;
import dev.seatlink.terminal.hardware.Colour;
import dev.seatlink.terminal.hardware.Pi4jContexts;
import dev.seatlink.terminal.seat.Key;

/**
 * A seat's GPIO on Pi4J's mock provider: the same button and light code as on a Pi, with pins that
 * a person (keyboard), a bot or a test drives. The only production code that uses the mock plugin.
 */
public final class SimulatedHardware {
    private final Context pi4j;

    public SimulatedHardware() {
        pi4j = Pi4J.newContextBuilder().noAutoDetect()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
    }

    public Pi4jContexts.Gpio gpio() {
        return new Pi4jContexts.Gpio(pi4j, MockDigitalInputProvider.ID, MockDigitalOutputProvider.ID);
    }

    /**
     * Presses and releases a button: the pin goes low (the press) and back high. A mock input starts
     * low, unlike a real pulled-up pin, so it is first set released or the first press would be no edge.
     */
    public void press(Key key) {
        MockDigitalInput input = (MockDigitalInput) pi4j.registry().get(Buttons.id(key), DigitalInput.class);
        input.mockState(DigitalState.HIGH);
        input.mockState(DigitalState.LOW);
        input.mockState(DigitalState.HIGH);
    }

    /** The colour the three light pins show now. */
    public Colour light() {
        boolean r = high("light-red");
        boolean g = high("light-green");
        boolean b = high("light-blue");
        for (Colour colour : Colour.values()) {
            if (colour.red() == r && colour.green() == g && colour.blue() == b) {
                return colour;
            }
        }
        throw new IllegalStateException("no colour has channels " + r + g + b);
    }

    private boolean high(String id) {
        return pi4j.registry().get(id, DigitalOutput.class).state() == DigitalState.HIGH;
    }
}
