package dev.seatlink.gateway.lease;

import dev.seatlink.protocol.GatewayStatus;

/**
 * How often the primary renews its lease and how long a standby waits before it takes it.
 *
 * @param heartbeatMs   the primary's renewal period
 * @param timeoutMs     a holder not heard for longer is taken as dead (its Last Will may be lost)
 * @param startupWaitMs a standby that hears no holder this long after subscribing takes the lease
 * @param checkMs       how often the keeper asks the lease (more often than the heartbeat)
 */
public record LeaseTiming(long heartbeatMs, long timeoutMs, long startupWaitMs, long checkMs) {
    /**
     * Renew every 2 s; take over after 6 s of silence (three missed beats) confirmed by a probe's round trip: primary
     * again ≤ 7 s after a death on a broker that is not behind.
     */
    public static final LeaseTiming DEFAULT = new LeaseTiming(GatewayStatus.HEARTBEAT_MS, 3 * GatewayStatus.HEARTBEAT_MS,
            GatewayStatus.HEARTBEAT_MS + 1_000, 500);

    public LeaseTiming {
        if (heartbeatMs <= 0 || timeoutMs <= heartbeatMs || startupWaitMs <= 0 || checkMs <= 0 || checkMs >= heartbeatMs) {
            throw new IllegalArgumentException(
                    "the lease timeout must exceed the heartbeat, the heartbeat the check, and all be positive");
        }
    }

    /**
     * How long a renewal the store took keeps its sender primary, counted from when it sent it ({@link StoredLease}):
     * a heartbeat short of the timeout, so the holder that can no longer renew has stepped down — even a check late —
     * before the standby's timeout, counted from a later moment, lets it take over.
     */
    public long holdMs() {
        return timeoutMs - heartbeatMs;
    }
}
