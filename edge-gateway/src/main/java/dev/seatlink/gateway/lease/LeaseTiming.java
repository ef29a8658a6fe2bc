package dev.seatlink.gateway.lease;

import dev.seatlink.protocol.GatewayStatus;

/**
 * How often the primary renews its lease and how long a standby waits before it takes it.
 *
 * @param heartbeatMs   the primary's renewal period
 * @param timeoutMs     a holder not heard for longer is taken as dead (its Last Will may be lost)
 * @param startupWaitMs a standby that hears no holder this long after subscribing takes the lease
 * @param checkMs       how often the keeper asks the lease
 */
public record LeaseTiming(long heartbeatMs, long timeoutMs, long startupWaitMs, long checkMs) {
    /**
     * Renew every 2 s; take over after 6 s of silence (three missed beats) confirmed by a probe's round trip: primary
     * again ≤ 7 s after a death on a broker that is not behind.
     */
    public static final LeaseTiming DEFAULT = new LeaseTiming(GatewayStatus.HEARTBEAT_MS, 3 * GatewayStatus.HEARTBEAT_MS,
            GatewayStatus.HEARTBEAT_MS + 1_000, 500);

    public LeaseTiming {
        if (heartbeatMs <= 0 || timeoutMs <= heartbeatMs || startupWaitMs <= 0 || checkMs <= 0) {
            throw new IllegalArgumentException("the lease timeout must exceed the heartbeat, and all be positive");
        }
    }
}
