package dev.seatlink.terminal.hardware;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import dev.seatlink.terminal.seat.Key;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The four status buttons. Each is an input with pull-up, so a press pulls it low; a press is
 * reported once, on the falling edge, as a {@link Key}. The listener runs on Pi4J's thread.
 */
public final class Buttons {
    /** Default debounce; short enough that a quick press is never lost. */
    public static final long DEBOUNCE_MICROS = 25_000;

    public Buttons(Context pi4j, String provider, PinMap pins, Consumer<Key> onPress) {
        add(pi4j, provider, Key.READY, pins.ready(), onPress);
        add(pi4j, provider, Key.NOT_READY, pins.notReady(), onPress);
        add(pi4j, provider, Key.BUSY, pins.busy(), onPress);
        add(pi4j, provider, Key.HELP, pins.help(), onPress);
    }

    private void add(Context pi4j, String provider, Key key, int pin, Consumer<Key> onPress) {
        var config = DigitalInput.newConfigBuilder(pi4j)
                .id(id(key))
                .name(key + " button")
                .address(pin)
                .pull(PullResistance.PULL_UP)
                .debounce(DEBOUNCE_MICROS)
                .provider(provider)
                .build();
        DigitalInput input = Gpio.open(() -> pi4j.create(config), key + " button", pin);
        input.addListener(event -> {
            if (event.state() == DigitalState.LOW) {
                onPress.accept(key);
            }
        });
    }

    /** The Pi4J registry id of a key's input, e.g. {@code button-not-ready}. */
    public static String id(Key key) {
        return "button-" + key.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
