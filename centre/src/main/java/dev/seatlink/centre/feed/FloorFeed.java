package dev.seatlink.centre.feed;

import dev.seatlink.protocol.FloorSummary;
import dev.seatlink.protocol.GatewayStatus;

/** What the centre's broker link hears, handed on in the order it arrived (on the centre's event loop). */
public interface FloorFeed {
    void summary(String site, String floor, FloorSummary summary);

    void lease(String site, String floor, GatewayStatus status);

    void link(boolean up);
}
