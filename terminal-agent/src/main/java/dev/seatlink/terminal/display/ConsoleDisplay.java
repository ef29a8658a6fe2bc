package dev.seatlink.terminal.display;

import java.io.PrintStream;
import java.util.List;

/**
 * The seat display drawn on a terminal, as the chosen panel would show it (a box of its columns
 * and rows). Redrawn when anything but the ticking clock changes, so the console stays readable.
 */
public final class ConsoleDisplay implements Display {
    private final PrintStream out;
    private final ScreenLayout layout;
    private Screen last;

    public ConsoleDisplay(PrintStream out, ScreenLayout layout) {
        this.out = out;
        this.layout = layout;
    }

    @Override
    public void show(Screen screen) {
        Screen shown = screen.withoutTime();
        if (shown.equals(last)) {
            return;
        }
        last = shown;
        List<String> lines = layout.lines(screen);
        String edge = "+" + "-".repeat(layout.columns()) + "+";
        StringBuilder box = new StringBuilder(edge).append(System.lineSeparator());
        lines.forEach(line -> box.append('|').append(line).append('|').append(System.lineSeparator()));
        out.print(box.append(edge).append(System.lineSeparator()));
        out.flush();
    }
}
