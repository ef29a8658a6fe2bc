package dev.seatlink.terminal.display;

import java.util.List;

/** A character panel: initialised once (and again after a failure), then given whole lines to show. */
public interface TextPanel {
    int columns();

    int rows();

    /** Puts the device in a known state and clears it; throws if it does not answer. */
    void init();

    /** Shows {@code lines} ({@link #rows()} lines of {@link #columns()} characters), writing only rows that changed. */
    void show(List<String> lines);

    /** What the panel is, for log lines, e.g. "LCD 16x2 at I2C 1/0x27". */
    String describe();
}
