package dev.seatlink.gateway.moves;

/** Who hears that the floor's teams changed (a move, its end, a site-config edit), after the floor has them. */
public interface LayoutListener {
    void relaidOut();
}
