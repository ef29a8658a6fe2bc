package dev.seatlink.terminal.simulate;

import dev.seatlink.terminal.hardware.Display;
import dev.seatlink.terminal.hardware.Screen;
import java.io.PrintStream;

/**
 * The seat display as lines on a terminal. Prints when what the agent would read changes, not on
 * every tick of the clock, so the console stays readable.
 */
public final class ConsoleDisplay implements Display {
    private final PrintStream out;
    private String last;

    public ConsoleDisplay(PrintStream out) {
        this.out = out;
    }

    @Override
    public void show(Screen screen) {
        String line = render(screen);
        if (!line.equals(last)) {
            out.println(line + "   [since " + screen.timeInState() + "]");
            last = line;
        }
    }

    static String render(Screen s) {
        StringBuilder line = new StringBuilder()
                .append('[').append(s.seat()).append("] ")
                .append(s.agent() == null ? "(no agent)" : s.agent()).append("  ")
                .append(s.stateText())
                .append(s.help() ? "  HELP RAISED" : "")
                .append("  broker ").append(s.brokerUp() ? "up" : "DOWN");
        if (s.message() != null) {
            line.append("  MESSAGE: ").append(s.message());
        }
        return line.toString();
    }
}
