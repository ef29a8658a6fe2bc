package dev.seatlink.terminal.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the Pi4J context for a real Raspberry Pi: gpiod where {@code /dev/gpiochip0} exists (Pi 5,
 * Bookworm), else the sysfs interface; I2C through {@code /dev/i2c-N}. Providers are added explicitly
 * so the mock plugin, which is on the classpath for simulation, is never picked up by auto-detection.
 */
public final class Pi4jContexts {
    private Pi4jContexts() {
    }

    /** A context and the provider ids to use with it. */
    public record Gpio(Context context, String inputProvider, String outputProvider, String i2cProvider) {
    }

    public static Gpio raspberryPi() {
        Path chip = Path.of("/dev/gpiochip0");
        if (Files.exists(chip)) {
            if (!Files.isReadable(chip) || !Files.isWritable(chip)) {
                throw new HardwareException("no access to " + chip + ": add the service user to group 'gpio'"
                        + " (sudo usermod -aG gpio seatlink) and restart the service");
            }
            Context context = Pi4J.newContextBuilder().noAutoDetect()
                    .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance(),
                            LinuxFsI2CProvider.newInstance())
                    .build();
            return new Gpio(context, GpioDDigitalInputProvider.ID, GpioDDigitalOutputProvider.ID, LinuxFsI2CProvider.ID);
        }
        if (Files.isDirectory(Path.of("/sys/class/gpio"))) {
            Context context = Pi4J.newContextBuilder().noAutoDetect()
                    .add(LinuxFsDigitalInputProvider.newInstance(), LinuxFsDigitalOutputProvider.newInstance(),
                            LinuxFsI2CProvider.newInstance())
                    .build();
            return new Gpio(context, LinuxFsDigitalInputProvider.ID, LinuxFsDigitalOutputProvider.ID,
                    LinuxFsI2CProvider.ID);
        }
        throw new HardwareException("no GPIO found: neither /dev/gpiochip0 nor /sys/class/gpio exists"
                + " (not a Raspberry Pi? run with hardware=simulated)");
    }
}
