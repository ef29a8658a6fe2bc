package dev.seatlink.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which GPIO the terminal drives. */
public enum HardwareMode {
    /** GPIO on a Raspberry Pi, simulated anywhere else. */
    AUTO,
    /** The Pi's real GPIO (gpiod, else sysfs); fails clearly off a Pi. */
    GPIO,
    /** Pi4J's mock provider; buttons are pressed from the keyboard or by the floor simulation. */
    SIMULATED;

    /** AUTO made concrete: GPIO when the device tree says this is a Raspberry Pi. */
    public HardwareMode resolve() {
        if (this != AUTO) {
            return this;
        }
        try {
            Path model = Path.of("/proc/device-tree/model");
            return Files.exists(model) && Files.readString(model).startsWith("Raspberry Pi") ? GPIO : SIMULATED;
        } catch (IOException e) {
            return SIMULATED;
        }
    }
}
