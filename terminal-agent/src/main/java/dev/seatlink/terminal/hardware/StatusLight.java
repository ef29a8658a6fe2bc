package dev.seatlink.terminal.hardware;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;

/** The seat's status light: three outputs (an RGB LED or three LEDs, see {@link LightType}), high = on. */
public final class StatusLight {
    private final LightType type;
    private final DigitalOutput red;
    private final DigitalOutput green;
    private final DigitalOutput blue;
    private Colour shown;

    public StatusLight(Context pi4j, String provider, PinMap pins, LightType type) {
        this.type = type;
        red = output(pi4j, provider, "red", pins.red());
        green = output(pi4j, provider, "green", pins.green());
        blue = output(pi4j, provider, "blue", pins.blue());
        show(Colour.OFF);
    }

    /** The Pi4J registry id of a light output, e.g. {@code light-red}. */
    public static String id(String channel) {
        return "light-" + channel;
    }

    private static DigitalOutput output(Context pi4j, String provider, String channel, int pin) {
        var config = DigitalOutput.newConfigBuilder(pi4j)
                .id(id(channel))
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
        boolean[] levels = type.pins(colour);
        red.state(DigitalState.getState(levels[0]));
        green.state(DigitalState.getState(levels[1]));
        blue.state(DigitalState.getState(levels[2]));
        shown = colour;
    }

    public Colour shown() {
        return shown;
    }
}
