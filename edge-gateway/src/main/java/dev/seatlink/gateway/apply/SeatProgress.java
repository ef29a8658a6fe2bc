package dev.seatlink.gateway.apply;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per seat, the last event applied in order: its seq, and the boot and time it came from. Snapshots never
 * move it, so gaps behind them still show. The {@link FloorUpdater} writes it; the seat configs read it
 * ({@code lastSeq}). Concurrent, so a reader off the event loop sees a whole entry.
 */
public final class SeatProgress implements AppliedSeqs {
    /** A seat's last applied event. */
    record Progress(long seq, String boot, long at) {
    }

    private final Map<String, Progress> applied = new ConcurrentHashMap<>();

    Progress of(String seat) {
        return applied.get(seat);
    }

    void applied(String seat, long seq, String boot, long at) {
        applied.put(seat, new Progress(seq, boot, at));
    }

    @Override
    public long lastApplied(String seat) {
        Progress last = applied.get(seat);
        return last == null ? 0 : last.seq();
    }
}
