package dev.seatlink.gateway.ingest;

/** Where the messages the broker delivers go, in order of arrival, unacknowledged. */
public interface Inbox {
    void received(Delivery delivery);
}
