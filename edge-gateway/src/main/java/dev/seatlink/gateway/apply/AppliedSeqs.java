package dev.seatlink.gateway.apply;

/**
 * The highest event seq the floor has applied per seat, readable from any thread: what each seat's
 * retained config carries as {@code lastSeq}, so a terminal whose journal is behind continues above it.
 */
public interface AppliedSeqs {
    /** 0 when nothing of the seat was applied. */
    long lastApplied(String seat);
}
