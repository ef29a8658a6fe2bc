package dev.seatlink.terminal.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the Pi4J context for a real Raspberry Pi: gpiod where {@code /dev/gpiochip0} exists (Pi 5,
 * Bookworm), else the sysfs interface. Providers are added explicitly so the mock plugin, which is
 * on the classpath for simulation, is never picked up by auto-detection.
 */
public final class Pi4jContexts {
    private Pi4jContexts() {
    }

    /** A context and the input/output provider ids to use with it. */
    public record Gpio(Context context, String inputProvider, String outputProvider) {
    }

    public static Gpio raspberryPi() {
        if (Files.exists(Path.of("/dev/gpiochip0"))) {
            Context context = Pi4J.newContextBuilder().noAutoDetect()
                    .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
                    .build();
            return new Gpio(context, GpioDDigitalInputProvider.ID, GpioDDigitalOutputProvider.ID);
        }
        if (Files.isDirectory(Path.of("/sys/class/gpio"))) {
            Context context = Pi4J.newContextBuilder().noAutoDetect()
                    .add(LinuxFsDigitalInputProvider.newInstance(), LinuxFsDigitalOutputProvider.newInstance())
                    .build();
            return new Gpio(context, LinuxFsDigitalInputProvider.ID, LinuxFsDigitalOutputProvider.ID);
        }
        throw new HardwareException("no GPIO found: neither /dev/gpiochip0 nor /sys/class/gpio exists"
                + " (not a Raspberry Pi? run with hardware=simulated)");
    }
}
