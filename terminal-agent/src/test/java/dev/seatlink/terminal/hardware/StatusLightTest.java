package dev.seatlink.terminal.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.terminal.simulate.SimulatedHardware;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatusLightTest {
    private final SimulatedHardware hardware = new SimulatedHardware();
    private final StatusLight light = new StatusLight(hardware.gpio().context(), hardware.gpio().outputProvider(),
            PinMap.DEFAULT, LightType.RGB);

    @AfterEach
    void shutdown() {
        hardware.gpio().context().shutdown();
    }

    @Test
    void startsOff() {
        assertThat(hardware.light()).isEqualTo(Colour.OFF);
    }

    @Test
    void discreteLedsLightTheirOwnColours() {
        SimulatedHardware other = new SimulatedHardware();
        StatusLight discrete = new StatusLight(other.gpio().context(), other.gpio().outputProvider(), PinMap.DEFAULT,
                LightType.DISCRETE);

        discrete.show(Colour.AMBER);

        assertThat(other.light(LightType.DISCRETE)).isEqualTo(Colour.AMBER);
        assertThat(other.light(LightType.RGB)).isEqualTo(Colour.BLUE); // only the third (amber) LED is lit
        other.gpio().context().shutdown();
    }

    @ParameterizedTest
    @EnumSource(Colour.class)
    void drivesTheThreeChannelsForEachColour(Colour colour) {
        light.show(colour);

        assertThat(hardware.light()).isEqualTo(colour);
        assertThat(light.shown()).isEqualTo(colour);
    }
}
