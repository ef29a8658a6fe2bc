package dev.seatlink.terminal.hardware;

import static dev.seatlink.protocol.AgentState.BUSY;
import static dev.seatlink.protocol.AgentState.LOGGED_OUT;
import static dev.seatlink.protocol.AgentState.NOT_READY;
import static dev.seatlink.protocol.AgentState.READY;
import static dev.seatlink.protocol.AgentState.WRAP_UP;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LightPatternTest {

    @Test
    void eachStateHasItsColour() {
        assertThat(LightPattern.at(READY, false, true, 0)).isEqualTo(Colour.GREEN);
        assertThat(LightPattern.at(BUSY, false, true, 0)).isEqualTo(Colour.RED);
        assertThat(LightPattern.at(WRAP_UP, false, true, 0)).isEqualTo(Colour.AMBER);
        assertThat(LightPattern.at(NOT_READY, false, true, 0)).isEqualTo(Colour.BLUE);
        assertThat(LightPattern.at(LOGGED_OUT, false, true, 0)).isEqualTo(Colour.OFF);
    }

    @Test
    void aRaisedHandBlinksTheStateColour() {
        long half = LightPattern.HELP_HALF_PERIOD_MS;

        assertThat(LightPattern.at(READY, true, true, 0)).isEqualTo(Colour.GREEN);
        assertThat(LightPattern.at(READY, true, true, half)).isEqualTo(Colour.OFF);
        assertThat(LightPattern.at(READY, true, true, 2 * half)).isEqualTo(Colour.GREEN);
    }

    @Test
    void aLostLinkFlashesWhiteBriefly() {
        assertThat(LightPattern.at(BUSY, false, false, 0)).isEqualTo(Colour.WHITE);
        assertThat(LightPattern.at(BUSY, false, false, LightPattern.LINK_DOWN_FLASH_MS)).isEqualTo(Colour.RED);
        assertThat(LightPattern.at(BUSY, false, false, LightPattern.LINK_DOWN_PERIOD_MS)).isEqualTo(Colour.WHITE);
    }
}
