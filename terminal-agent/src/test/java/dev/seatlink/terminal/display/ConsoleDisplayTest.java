package dev.seatlink.terminal.display;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleDisplayTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleDisplay display = new ConsoleDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            new ScreenLayout(16, 2));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void drawsThePanelAsTheAgentWouldReadIt() {
        display.show(new Screen("s-1", "a1", AgentState.NOT_READY, "break", true, 65, null, true, true, null));

        assertThat(printed().lines()).containsExactly(
                "+----------------+",
                "|NOT READY  01:05|",
                "|HELP break      |",
                "+----------------+");
    }

    @Test
    void theTickingClockAloneDoesNotRedraw() {
        display.show(new Screen("s-1", "a1", AgentState.READY, null, false, 1, null, true, true, null));
        display.show(new Screen("s-1", "a1", AgentState.READY, null, false, 2, null, true, true, null));
        display.show(new Screen("s-1", "a1", AgentState.BUSY, null, false, 0, null, true, true, null));

        assertThat(printed().lines().filter(l -> l.startsWith("+"))).hasSize(4);
    }
}
