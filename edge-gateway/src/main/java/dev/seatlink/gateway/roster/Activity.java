package dev.seatlink.gateway.roster;

/** What the roster has an agent doing at a moment. */
public enum Activity {
    WORK, BREAK, OFF
}
