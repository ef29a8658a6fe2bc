package dev.seatlink.terminal.hardware;

import java.util.function.Supplier;

/** Opens a Pi4J line and turns a failure into one line that names the part, the pin and the fix. */
final class Gpio {
    private Gpio() {
    }

    static <T> T open(Supplier<T> opener, String part, int pin) {
        try {
            return opener.get();
        } catch (RuntimeException e) {
            throw new HardwareException("cannot open " + part + " on BCM " + pin + ": " + e.getMessage()
                    + " (is the pin free, and is the service user in group 'gpio'?)", e);
        }
    }
}
