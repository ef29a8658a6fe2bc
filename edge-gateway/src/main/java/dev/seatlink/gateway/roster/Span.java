package dev.seatlink.gateway.roster;

/** A stretch of time, {@code [start, end)} in ms since the epoch. */
public record Span(long start, long end) {
    public boolean contains(long at) {
        return at >= start && at < end;
    }

    /** How much of this span lies within {@code [from, to)}. */
    public long overlap(long from, long to) {
        return Math.max(0, Math.min(end, to) - Math.max(start, from));
    }
}
