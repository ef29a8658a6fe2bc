package dev.seatlink.terminal.hardware;

import static dev.seatlink.protocol.AgentState.BUSY;
import static dev.seatlink.protocol.AgentState.LOGGED_OUT;
import static dev.seatlink.protocol.AgentState.NOT_READY;
import static dev.seatlink.protocol.AgentState.READY;
import static dev.seatlink.protocol.AgentState.WRAP_UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LightPatternTest {
    private static final long LIMIT_MS = 600_000;
    private final LightPattern pattern = new LightPattern(LightPattern.DEFAULT_COLOURS, LIMIT_MS);

    /** The colour over the first two seconds, sampled every 10 ms, in runs: "GREEN, OFF 120, GREEN ...". */
    private Colour at(AgentState state, boolean help, boolean linkUp, long now) {
        return pattern.at(state, help, 0, linkUp, now);
    }

    @Test
    void eachStateHasItsDefaultColour() {
        assertThat(at(READY, false, true, 500)).isEqualTo(Colour.GREEN);
        assertThat(at(BUSY, false, true, 500)).isEqualTo(Colour.RED);
        assertThat(at(WRAP_UP, false, true, 500)).isEqualTo(Colour.AMBER);
        assertThat(at(NOT_READY, false, true, 500)).isEqualTo(Colour.BLUE);
        assertThat(at(LOGGED_OUT, false, true, 500)).isEqualTo(Colour.OFF);
    }

    @Test
    void coloursComeFromConfiguration() {
        Map<AgentState, Colour> colours = new EnumMap<>(LightPattern.DEFAULT_COLOURS);
        colours.put(NOT_READY, Colour.PURPLE);

        assertThat(new LightPattern(colours, LIMIT_MS).at(NOT_READY, false, 0, true, 500)).isEqualTo(Colour.PURPLE);
    }

    @Test
    void aStatePendingAfterTheContactWinksItsColourAtTheEndOfEveryTwoSecondsLinkOrNot() {
        LightPattern pattern = new LightPattern(LightPattern.DEFAULT_COLOURS, LIMIT_MS);
        long wink = LightPattern.SLOW_PERIOD_MS - LightPattern.PENDING_MS;

        assertThat(pattern.at(BUSY, false, 0, true, NOT_READY, wink - 1)).isEqualTo(Colour.RED);
        assertThat(pattern.at(BUSY, false, 0, true, NOT_READY, wink)).isEqualTo(Colour.BLUE);
        assertThat(pattern.at(BUSY, false, 0, false, NOT_READY, wink)).isEqualTo(Colour.BLUE);
        assertThat(pattern.at(BUSY, false, 0, false, NOT_READY, 0)).as("the link's flash first").isEqualTo(Colour.WHITE);
        assertThat(pattern.at(AgentState.WRAP_UP, false, 0, true, AgentState.LOGGED_OUT, wink)).isEqualTo(Colour.OFF);
    }

    @Test
    void aRaisedHandBlinksTheStateColourFourTimesASecond() {
        long half = LightPattern.HELP_HALF_PERIOD_MS;

        assertThat(at(READY, true, true, 0)).isEqualTo(Colour.GREEN);
        assertThat(at(READY, true, true, half)).isEqualTo(Colour.OFF);
        assertThat(at(READY, true, true, 2 * half)).isEqualTo(Colour.GREEN);
    }

    @Test
    void notReadyPastItsLimitDoubleBlinks() {
        long since = 0;
        long over = LIMIT_MS + 10 * LightPattern.SLOW_PERIOD_MS;
        long blink = LightPattern.DOUBLE_BLINK_MS;

        assertThat(pattern.at(NOT_READY, false, since, true, LIMIT_MS - LightPattern.SLOW_PERIOD_MS)).isEqualTo(Colour.BLUE);
        assertThat(pattern.at(NOT_READY, false, since, true, over)).isEqualTo(Colour.OFF);
        assertThat(pattern.at(NOT_READY, false, since, true, over + blink)).isEqualTo(Colour.BLUE);
        assertThat(pattern.at(NOT_READY, false, since, true, over + 2 * blink)).isEqualTo(Colour.OFF);
        assertThat(pattern.at(NOT_READY, false, since, true, over + 3 * blink)).isEqualTo(Colour.BLUE);
        assertThat(pattern.at(NOT_READY, false, since, true, over + 1000)).isEqualTo(Colour.BLUE);
    }

    @Test
    void aLostLinkFlashesWhiteBrieflyEveryTwoSecondsAboveEverythingElse() {
        assertThat(at(BUSY, true, false, 0)).isEqualTo(Colour.WHITE);
        assertThat(at(BUSY, false, false, LightPattern.FLASH_MS)).isEqualTo(Colour.RED);
        assertThat(at(BUSY, false, false, LightPattern.SLOW_PERIOD_MS)).isEqualTo(Colour.WHITE);
    }

    @Test
    void everyStateNeedsAColour() {
        Map<AgentState, Colour> missing = new EnumMap<>(LightPattern.DEFAULT_COLOURS);
        missing.remove(BUSY);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LightPattern(missing, LIMIT_MS))
                .hasMessage("no light colour for BUSY");
    }

    @Test
    void aRingingPhoneAlternatesTheStateColourWithBusysEveryQuarterSecondAboveARaisedHand() {
        assertThat(pattern.at(READY, true, 0, true, null, true, 100)).isEqualTo(Colour.GREEN);
        assertThat(pattern.at(READY, true, 0, true, null, true, 300)).isEqualTo(Colour.RED);
        assertThat(pattern.at(READY, false, 0, true, null, true, 600)).isEqualTo(Colour.GREEN);
        assertThat(pattern.at(READY, false, 0, false, null, true, 50)).as("the link flash still wins")
                .isEqualTo(Colour.WHITE);
        assertThat(pattern.at(READY, false, 0, true, null, false, 300)).as("not ringing").isEqualTo(Colour.GREEN);
    }
}
