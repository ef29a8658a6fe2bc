package dev.seatlink.terminal.display;

/**
 * A seat display. Called from the seat thread on every refresh (10 times a second); an
 * implementation must return at once and redraw only when what it shows has changed.
 */
@FunctionalInterface
public interface Display {
    Display NONE = screen -> { };

    void show(Screen screen);

    /** Releases the device; the default has nothing to release. */
    default void close() {
    }
}
