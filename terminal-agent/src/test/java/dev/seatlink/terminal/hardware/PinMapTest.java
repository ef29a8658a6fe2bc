package dev.seatlink.terminal.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PinMapTest {

    @Test
    void refusesAPinUsedTwice() {
        assertThatThrownBy(() -> new PinMap(17, 17, 22, 23, 5, 6, 13, PinMap.NONE, PinMap.NONE))
                .hasMessage("BCM pin 17 is used twice");
        assertThatThrownBy(() -> new PinMap(17, 27, 22, 23, 5, 6, 13, 24, 24)).hasMessage("BCM pin 24 is used twice");
    }

    @Test
    void refusesPinsOutsideTheHeaderAndTheDisplayBus() {
        assertThatThrownBy(() -> new PinMap(17, 27, 22, 23, 5, 6, 40, PinMap.NONE, PinMap.NONE))
                .hasMessageContaining("BCM pin 40 is outside 2-27");
        assertThatThrownBy(() -> new PinMap(17, 27, 22, 23, 5, 6, 2, PinMap.NONE, PinMap.NONE))
                .hasMessage("BCM pin 2 is the I2C bus of the display");
    }

    @Test
    void headsetAndBuzzerAreOptional() {
        assertThat(new PinMap(17, 27, 22, 23, 5, 6, 13, PinMap.NONE, PinMap.NONE).headset()).isEqualTo(PinMap.NONE);
    }
}
