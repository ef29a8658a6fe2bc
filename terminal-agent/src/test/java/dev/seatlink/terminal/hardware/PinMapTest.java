package dev.seatlink.terminal.hardware;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PinMapTest {

    @Test
    void refusesAPinUsedTwice() {
        assertThatThrownBy(() -> new PinMap(17, 17, 22, 23, 5, 6, 13)).hasMessage("BCM pin 17 is used twice");
    }

    @Test
    void refusesAPinOutsideTheHeader() {
        assertThatThrownBy(() -> new PinMap(17, 27, 22, 23, 5, 6, 40)).hasMessage("BCM pin 40 is outside 0-27");
    }
}
