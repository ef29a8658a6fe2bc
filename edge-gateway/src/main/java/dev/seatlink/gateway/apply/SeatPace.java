package dev.seatlink.gateway.apply;

import java.util.HashMap;
import java.util.Map;

/**
 * One thing per seat at most every {@code intervalMs}: a rebirth, a correction, a link repair asked through
 * the API. Keys are seats of the site config, so memory stays bounded. Pure; {@code now} is passed in.
 */
public final class SeatPace {
    private final long intervalMs;
    private final Map<String, Long> last = new HashMap<>();

    public SeatPace(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    /** Whether the seat's turn has come; if so, the interval starts again now. */
    public boolean due(String seat, long now) {
        Long previous = last.get(seat);
        if (previous != null && now - previous < intervalMs) {
            return false;
        }
        last.put(seat, now);
        return true;
    }

    /** The seat's turn was taken now (by another gateway, for both): the interval starts again now. */
    public void taken(String seat, long now) {
        last.put(seat, now);
    }

    /** The seat's next turn comes at once. */
    public void forget(String seat) {
        last.remove(seat);
    }
}
