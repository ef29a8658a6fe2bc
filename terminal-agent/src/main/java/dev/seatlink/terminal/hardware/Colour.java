package dev.seatlink.terminal.hardware;

/** What the RGB status light can show: each channel on or off. */
public enum Colour {
    OFF(false, false, false),
    GREEN(false, true, false),
    RED(true, false, false),
    AMBER(true, true, false),
    BLUE(false, false, true),
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
}
