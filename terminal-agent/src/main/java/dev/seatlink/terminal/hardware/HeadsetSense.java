package dev.seatlink.terminal.hardware;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;

/**
 * The headset jack's detect switch: closed to ground with no plug, open with a plug in, so with the
 * pull-up the pin reads high while a headset is plugged in. A pin with nothing wired also reads high,
 * so a seat without the switch never looks unplugged.
 */
public final class HeadsetSense {
    public static final String ID = "headset";
    static final long DEBOUNCE_MS = 50;

    /** Told of each change, on Pi4J's thread. */
    public interface Listener {
        /** {@code true} when a headset was plugged in, {@code false} when it was pulled. */
        void changed(boolean plugged);
    }

    private final DigitalInput input;

    public HeadsetSense(Context pi4j, String provider, int pin, Listener listener) {
        var config = DigitalInput.newConfigBuilder(pi4j)
                .id(ID)
                .name("headset jack")
                .address(pin)
                .pull(PullResistance.PULL_UP)
                .debounce(DEBOUNCE_MS * 1000)
                .provider(provider)
                .build();
        input = Gpio.open(() -> pi4j.create(config), "headset jack", pin);
        input.addListener(event -> {
            if (event.state() == DigitalState.HIGH || event.state() == DigitalState.LOW) {
                listener.changed(event.state() == DigitalState.HIGH);
            }
        });
    }

    /** Whether a headset is plugged in now. */
    public boolean plugged() {
        return input.state() != DigitalState.LOW;
    }
}
