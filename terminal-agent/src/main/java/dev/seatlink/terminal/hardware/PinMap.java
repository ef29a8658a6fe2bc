package dev.seatlink.terminal.hardware;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * BCM GPIO numbers of the seat's parts. Defaults match {@code hardware-docs/wiring.md}: buttons
 * are wired from the pin to ground (internal pull-up, pressed = low), light outputs drive the
 * LED through a resistor (high = on).
 */
public record PinMap(int ready, int notReady, int busy, int help, int red, int green, int blue) {
    public static final PinMap DEFAULT = new PinMap(17, 27, 22, 23, 5, 6, 13);

    public PinMap {
        List<Integer> all = List.of(ready, notReady, busy, help, red, green, blue);
        Set<Integer> seen = new HashSet<>();
        for (int pin : all) {
            if (pin < 0 || pin > 27) {
                throw new IllegalArgumentException("BCM pin " + pin + " is outside 0-27");
            }
            if (!seen.add(pin)) {
                throw new IllegalArgumentException("BCM pin " + pin + " is used twice");
            }
        }
    }
}
