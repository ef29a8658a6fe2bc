package dev.seatlink.centre.feed;

import dev.seatlink.protocol.FloorSummary;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.SeatState;

/** What the centre's broker link hears, handed on in the order it arrived (on the centre's event loop). */
public interface FloorFeed {
    void summary(String site, String floor, FloorSummary summary);

    void lease(String site, String floor, GatewayStatus status);

    /** A seat's live (not retained) state: its raised hand reaches the page before its floor's summary lists it. */
    void seatState(String site, String floor, String seat, SeatState state);

    void link(boolean up);
}
