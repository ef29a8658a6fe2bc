package dev.seatlink.gateway.moves;

import java.util.List;

/** Who hears that the floor's teams changed (a move, its end, a site-config edit), after the floor has them. */
public interface LayoutListener {
    /** @param moves the moves in force now */
    void relaidOut(List<Move> moves);
}
