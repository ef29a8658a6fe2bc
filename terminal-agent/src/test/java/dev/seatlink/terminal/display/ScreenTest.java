package dev.seatlink.terminal.display;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import org.junit.jupiter.api.Test;

class ScreenTest {

    private static Screen at(long seconds, AgentState state, String reason) {
        return new Screen("s-1", "a1", state, reason, false, seconds, null, true, true, null);
    }

    @Test
    void timeInStateReadsAsMinutesAndSecondsThenHours() {
        assertThat(at(5, AgentState.READY, null).timeInState()).isEqualTo("00:05");
        assertThat(at(3599, AgentState.READY, null).timeInState()).isEqualTo("59:59");
        assertThat(at(3661, AgentState.READY, null).timeInState()).isEqualTo("1:01:01");
        assertThat(at(-3, AgentState.READY, null).timeInState()).isEqualTo("00:00");
    }

    @Test
    void stateReadsAsWordsWithTheReason() {
        assertThat(at(0, AgentState.NOT_READY, "break").stateText()).isEqualTo("NOT READY break");
        assertThat(at(0, AgentState.WRAP_UP, null).stateText()).isEqualTo("WRAP-UP");
    }

    @Test
    void theLinkIsSilentWhenAllIsWell() {
        assertThat(at(0, AgentState.READY, null).linkText()).isEmpty();
        assertThat(new Screen("s-1", "a1", AgentState.READY, null, false, 0, null, false, false, null).linkText())
                .isEqualTo("NO LINK");
        assertThat(new Screen("s-1", "a1", AgentState.READY, null, false, 0, null, true, false, null).linkText())
                .isEqualTo("NO GATEWAY");
    }
}
