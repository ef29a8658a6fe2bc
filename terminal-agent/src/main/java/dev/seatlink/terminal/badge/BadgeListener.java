package dev.seatlink.terminal.badge;

/** Hears each badge a reader reads, on the reader's own thread. */
public interface BadgeListener {
    void badge(String number);
}
