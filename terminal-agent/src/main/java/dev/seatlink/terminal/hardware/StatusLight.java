package dev.seatlink.terminal.hardware;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

/** The seat's RGB status light: three outputs, one per channel, high = on. */
public final class StatusLight {
    private final DigitalOutput red;
    private final DigitalOutput green;
    private final DigitalOutput blue;
    private Colour shown;

    public StatusLight(Context pi4j, String provider, PinMap pins) {
        red = output(pi4j, provider, "red", pins.red());
        green = output(pi4j, provider, "green", pins.green());
        blue = output(pi4j, provider, "blue", pins.blue());
        show(Colour.OFF);
    }

    private static DigitalOutput output(Context pi4j, String provider, String channel, int pin) {
        var config = DigitalOutput.newConfigBuilder(pi4j)
                .id("light-" + channel)
                .name("status light " + channel)
                .address(pin)
                .initial(DigitalState.LOW)
                .shutdown(DigitalState.LOW)
                .provider(provider)
                .build();
        return Gpio.open(() -> pi4j.create(config), "status light " + channel, pin);
    }

    /** Drives the pins; writes only when the colour differs from what is shown. */
    public void show(Colour colour) {
        if (colour == shown) {
            return;
        }
        red.state(DigitalState.getState(colour.red()));
        green.state(DigitalState.getState(colour.green()));
        blue.state(DigitalState.getState(colour.blue()));
        shown = colour;
    }

    public Colour shown() {
        return shown;
    }
}
