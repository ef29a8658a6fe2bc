package dev.seatlink.terminal.hardware;

/** A seat display. Called a few times a second from the seat thread; implementations redraw only on change. */
@FunctionalInterface
public interface Display {
    Display NONE = screen -> { };

    void show(Screen screen);
}
