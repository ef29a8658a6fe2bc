package dev.seatlink.terminal.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.terminal.hardware.Screen;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleDisplayTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleDisplay display = new ConsoleDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsWhatTheAgentWouldRead() {
        display.show(new Screen("s-1", "a1", AgentState.NOT_READY, "break", true, 65, "huddle at 10:30", false));

        assertThat(printed()).isEqualTo("[s-1] a1  NOT READY (break)  HELP RAISED  broker DOWN  MESSAGE: huddle at 10:30"
                + "   [since 01:05]" + System.lineSeparator());
    }

    @Test
    void theTickingClockAloneDoesNotReprint() {
        display.show(new Screen("s-1", "a1", AgentState.READY, null, false, 1, null, true));
        display.show(new Screen("s-1", "a1", AgentState.READY, null, false, 2, null, true));
        display.show(new Screen("s-1", "a1", AgentState.BUSY, null, false, 0, null, true));

        assertThat(printed().lines()).hasSize(2);
    }
}
