package dev.seatlink.terminal.seat;

/** The seat's status buttons, as the agent knows them; pin levels never get past the hardware layer. */
public enum Key {
    READY,
    NOT_READY,
    BUSY,
    HELP
}
