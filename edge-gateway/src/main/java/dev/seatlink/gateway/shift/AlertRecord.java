package dev.seatlink.gateway.shift;

/** An alert raised or cleared, as the shift's records keep it for the handover. */
public record AlertRecord(long at, String change, String type, String team, String seat, String text) {
}
