package dev.seatlink.terminal.hardware;

import com.pi4j.io.i2c.I2C;
import dev.seatlink.terminal.display.I2cLink;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens an I2C device through Pi4J, checking the bus first so a missing bus is one clear line. */
public final class I2cDevices {
    private I2cDevices() {
    }

    /**
     * @param checkBusNode true on a real Pi: the bus must exist as {@code /dev/i2c-N} and be writable
     * @throws HardwareException naming the bus and the fix
     */
    public static I2cLink open(Pi4jContexts.Gpio gpio, int bus, int address, boolean checkBusNode) {
        if (checkBusNode) {
            Path node = Path.of("/dev/i2c-" + bus);
            if (!Files.exists(node)) {
                throw new HardwareException("I2C bus " + bus + " (" + node + ") not found: enable I2C with"
                        + " 'sudo raspi-config nonint do_i2c 0' and reboot, or set display=none");
            }
            if (!Files.isWritable(node)) {
                throw new HardwareException("no access to " + node + ": add the service user to group 'i2c'"
                        + " (sudo usermod -aG i2c seatlink)");
            }
        }
        var config = I2C.newConfigBuilder(gpio.context())
                .id("display")
                .name("display")
                .bus(bus)
                .device(address)
                .provider(gpio.i2cProvider())
                .build();
        I2C device;
        try {
            device = gpio.context().create(config);
        } catch (RuntimeException e) {
            throw new HardwareException("cannot open I2C bus " + bus + " address 0x" + Integer.toHexString(address)
                    + ": " + e.getMessage(), e);
        }
        return device::write;
    }
}
