package dev.seatlink.terminal.hardware;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import dev.seatlink.terminal.seat.Key;
import java.util.Locale;

/**
 * The four status buttons: inputs with pull-up, debounced, so a press pulls the pin low. Each change
 * is reported as its {@link Key} going down or up; pin levels never leave this class. The listener
 * runs on Pi4J's thread.
 */
public final class Buttons {
    /** Default debounce: long enough for a bouncing contact, short enough that no real press is lost. */
    public static final long DEFAULT_DEBOUNCE_MS = 25;

    /** What a button did. */
    @FunctionalInterface
    public interface Listener {
        void changed(Key key, boolean down);
    }

    private Buttons() {
    }

    /** Opens the four inputs and reports their changes to {@code listener}. */
    public static void wire(Context pi4j, String provider, PinMap pins, long debounceMs, Listener listener) {
        add(pi4j, provider, Key.READY, pins.ready(), debounceMs, listener);
        add(pi4j, provider, Key.NOT_READY, pins.notReady(), debounceMs, listener);
        add(pi4j, provider, Key.BUSY, pins.busy(), debounceMs, listener);
        add(pi4j, provider, Key.HELP, pins.help(), debounceMs, listener);
    }

    private static void add(Context pi4j, String provider, Key key, int pin, long debounceMs, Listener listener) {
        var config = DigitalInput.newConfigBuilder(pi4j)
                .id(id(key))
                .name(key + " button")
                .address(pin)
                .pull(PullResistance.PULL_UP)
                .debounce(debounceMs * 1000)
                .provider(provider)
                .build();
        DigitalInput input = Gpio.open(() -> pi4j.create(config), key + " button", pin);
        input.addListener(event -> {
            if (event.state() == DigitalState.LOW || event.state() == DigitalState.HIGH) {
                listener.changed(key, event.state() == DigitalState.LOW);
            }
        });
    }

    /** The Pi4J registry id of a key's input, e.g. {@code button-not-ready}. */
    public static String id(Key key) {
        return "button-" + key.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
