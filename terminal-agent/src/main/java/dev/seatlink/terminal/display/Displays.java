package dev.seatlink.terminal.display;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/** Builds the display a seat is configured with. */
public final class Displays {
    private Displays() {
    }

    /**
     * @param i2c      the opened I2C device for panel kinds, else null
     * @param console  where a person watching a simulated seat reads the display, or null on a real seat
     */
    public static Display create(DisplayKind kind, I2cLink i2c, String where, PrintStream console, LongSupplier clock) {
        DisplayKind concrete = kind.resolve();
        Display panel = switch (concrete) {
            case NONE, CONSOLE, AUTO -> Display.NONE;
            case LCD1602, LCD2004 -> PanelDisplay.start(
                    new CharacterLcd(i2c, concrete.columns(), concrete.rows(), where), clock);
            case SSD1306 -> PanelDisplay.start(new Oled128x64(i2c, new Font5x7(), where), clock);
        };
        if (console == null || concrete == DisplayKind.NONE) {
            return panel;
        }
        Display mirror = new ConsoleDisplay(console, new ScreenLayout(concrete.columns(), concrete.rows()));
        return both(panel, mirror);
    }

    static Display both(Display first, Display second) {
        return new Display() {
            @Override
            public void show(Screen screen) {
                first.show(screen);
                second.show(screen);
            }

            @Override
            public void close() {
                first.close();
                second.close();
            }
        };
    }
}
