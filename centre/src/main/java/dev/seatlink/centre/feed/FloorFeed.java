package dev.seatlink.centre.feed;

import dev.seatlink.protocol.FloorSummary;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.SeatEvent;

/** What the centre's broker link hears, handed on in the order it arrived (on the centre's event loop). */
public interface FloorFeed {
    void summary(String site, String floor, FloorSummary summary);

    void lease(String site, String floor, GatewayStatus status);

    /** A seat's transition: its raised hand reaches the page before its floor's summary lists it. */
    void seatEvent(String site, String floor, SeatEvent event);

    void link(boolean up);

    /** A message was refused (malformed, or a seat's payload naming another seat); it is logged by the link. */
    void refused();
}
