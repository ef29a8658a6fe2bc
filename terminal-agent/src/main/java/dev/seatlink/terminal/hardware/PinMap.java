package dev.seatlink.terminal.hardware;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * BCM GPIO numbers of the seat's parts. Defaults match {@code hardware-docs/wiring.md} (a test keeps
 * them equal): buttons wired from the pin to ground (internal pull-up, pressed = low); light outputs
 * drive the LEDs through resistors (high = on); the headset jack's switch from the pin to ground
 * (internal pull-up; plug in = switch open = high); the buzzer output high = sounding.
 *
 * @param headset {@link #NONE} when no jack-detect switch is wired
 * @param buzzer  {@link #NONE} when no buzzer is fitted
 */
public record PinMap(int ready, int notReady, int busy, int help, int red, int green, int blue, int headset,
                     int buzzer) {
    public static final int NONE = -1;
    public static final PinMap DEFAULT = new PinMap(17, 27, 22, 23, 5, 6, 13, 24, NONE);

    public PinMap {
        List<Integer> used = new ArrayList<>(List.of(ready, notReady, busy, help, red, green, blue));
        if (headset != NONE) {
            used.add(headset);
        }
        if (buzzer != NONE) {
            used.add(buzzer);
        }
        Set<Integer> seen = new HashSet<>();
        for (int pin : used) {
            if (pin < 2 || pin > 27) {
                throw new IllegalArgumentException("BCM pin " + pin + " is outside 2-27 (0 and 1 are the HAT EEPROM bus)");
            }
            if (pin == 2 || pin == 3) {
                throw new IllegalArgumentException("BCM pin " + pin + " is the I2C bus of the display");
            }
            if (!seen.add(pin)) {
                throw new IllegalArgumentException("BCM pin " + pin + " is used twice");
            }
        }
    }
}
