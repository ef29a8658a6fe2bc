package dev.seatlink.gateway.store;

import dev.seatlink.protocol.SeatEvent;

/** An event as stored, with the gateway's receive time {@code rx}. */
public record StoredEvent(SeatEvent event, long rx) {
}
