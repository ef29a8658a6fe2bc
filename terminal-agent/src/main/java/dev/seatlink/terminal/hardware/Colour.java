package dev.seatlink.terminal.hardware;

import java.util.Locale;

/** What the status light can show, as the red, green and blue channels of an RGB LED. */
public enum Colour {
    OFF(false, false, false),
    GREEN(false, true, false),
    RED(true, false, false),
    AMBER(true, true, false),
    BLUE(false, false, true),
    PURPLE(true, false, true),
    WHITE(true, true, true);

    private final boolean red;
    private final boolean green;
    private final boolean blue;

    Colour(boolean red, boolean green, boolean blue) {
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    public boolean red() {
        return red;
    }

    public boolean green() {
        return green;
    }

    public boolean blue() {
        return blue;
    }

    /** Parses a configured colour name such as {@code green}. */
    public static Colour of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
