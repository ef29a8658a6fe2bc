package dev.seatlink.gateway.apply;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Tells a broker node's death from what the floor hears: seats that were online announcing themselves online
 * again (they reconnected to another node) — at least {@value #MIN_MOVES} of them, or 1 % of the floor, within
 * {@value #WINDOW_MS} ms. The gateway itself may have stayed on a live node, and the seats that died with the
 * dead one left no Last Will: a roll call finds them. At most one alarm per {@value #QUIET_MS} ms. Pure.
 */
public final class SeatMoves {
    static final int MIN_MOVES = 3;
    static final long WINDOW_MS = 10_000;
    /**
     * As long as a roll call's asks wait for answers: an alarm sooner asks again every seat that has answered since
     * the death, and nothing more (one pending keeps its ask). At 5 s, each gateway asked every seat three or four
     * times in the 15 s after a node died ({@code bench center} run 32), all on the degraded cluster.
     */
    static final long QUIET_MS = RollCall.ANSWER_WITHIN_MS;

    private final Deque<Long> moves = new ArrayDeque<>();
    private long lastAlarm = Long.MIN_VALUE / 2;

    /** A seat that was online said online again; returns true when that makes a node's death likely. */
    public boolean moved(long now, int floorSeats) {
        moves.addLast(now);
        while (!moves.isEmpty() && now - moves.peekFirst() > WINDOW_MS) {
            moves.removeFirst();
        }
        int threshold = Math.max(MIN_MOVES, floorSeats / 100);
        if (moves.size() < threshold || now - lastAlarm < QUIET_MS) {
            return false;
        }
        lastAlarm = now;
        moves.clear();
        return true;
    }
}
