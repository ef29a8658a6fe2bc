package dev.seatlink.terminal.seat;

import dev.seatlink.protocol.Cause;

/** One change of the seat, before it gets its seq: becomes exactly one {@code event}. */
public record Transition(Snapshot from, Snapshot to, Cause cause, long at) {
}
