package dev.seatlink.terminal.hardware;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.io.gpio.digital.DigitalOutput;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A part that cannot be opened stops the terminal with one line naming the part, the pin or bus, and the fix. */
class OpeningFailuresTest {
    private final SimulatedHardware hardware = new SimulatedHardware();

    @AfterEach
    void shutdown() {
        hardware.gpio().context().shutdown();
    }

    @Test
    void aPinAlreadyTakenNamesTheButtonAndThePin() {
        var gpio = hardware.gpio();
        gpio.context().create(DigitalOutput.newConfigBuilder(gpio.context()).id("button-busy").address(4)
                .provider(gpio.outputProvider()).build());

        assertThatThrownBy(() -> Buttons.wire(gpio.context(), gpio.inputProvider(), PinMap.DEFAULT, 25, (k, d) -> { }))
                .isInstanceOf(HardwareException.class)
                .hasMessageStartingWith("cannot open BUSY button on BCM 22: ")
                .hasMessageContaining("group 'gpio'");
    }

    @Test
    void aMissingI2cBusSaysHowToEnableIt() {
        assertThatThrownBy(() -> I2cDevices.open(hardware.gpio(), 19, 0x27, true))
                .isInstanceOf(HardwareException.class)
                .hasMessage("I2C bus 19 (/dev/i2c-19) not found: enable I2C with 'sudo raspi-config nonint do_i2c 0'"
                        + " and reboot, or set display=none");
    }
}
