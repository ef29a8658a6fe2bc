package dev.seatlink.gateway.shift;

/**
 * A shift's handover report as kept: the report's JSON, and who acknowledged it (null until someone did).
 */
public record StoredHandover(long shiftStart, long shiftEnd, long producedAt, String report, String acknowledgedBy,
                             Long acknowledgedAt) {
}
