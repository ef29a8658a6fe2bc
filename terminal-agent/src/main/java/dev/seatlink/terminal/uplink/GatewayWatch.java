package dev.seatlink.terminal.uplink;

import dev.seatlink.protocol.GatewayStatus;

/**
 * Whether the floor's gateway is up, from its retained status. A floor's pair of gateways share the topic, so
 * an offline status counts only from the gateway that last said it holds the floor: the standby's Last Will
 * lands there too, and the primary overwrites it at once.
 *
 * <p>A primary (a status with {@code role}) renews its status every {@value GatewayStatus#HEARTBEAT_MS} ms. One not
 * heard for {@value #SILENT_MS} ms is shown down: on a cluster its Last Will may have died with its broker node, or
 * this seat's subscription to the topic with another node. The seat then subscribes again
 * ({@link #resubscribeDue}), first when the silence is found, then after waits that double up to
 * {@value #LONGEST_WAIT_MS} ms, so a floor whose gateways are both gone is not asked every 20 s for ever. The same
 * status handed over again (same id and {@code ts}: a retained message on resubscribing, or a redelivery) is no
 * sign of life. An older gateway without {@code role} never falls silent here. Pure: the time (the seat's own
 * clock, when the status arrived) is passed in; one thread at a time.
 */
public final class GatewayWatch {
    public static final long SILENT_MS = 10 * GatewayStatus.HEARTBEAT_MS;
    static final long LONGEST_WAIT_MS = 10 * 60_000;

    private boolean up;
    private String holder;
    private boolean heartbeats;
    private long lastTs = Long.MIN_VALUE;
    private long heardAt;
    private long nextResubscribeAt;
    private long wait = SILENT_MS;

    /** Takes in a status heard at {@code now}; returns whether the gateway went up or down by it. */
    public boolean heard(GatewayStatus status, long now) {
        if (!status.online() && holder != null && !holder.equals(status.id())) {
            return false;
        }
        boolean said = status.id().equals(holder) && status.ts() == lastTs;
        boolean wasUp = up(now);
        up = status.online();
        holder = status.id();
        heartbeats = status.online() && GatewayStatus.PRIMARY.equals(status.role());
        if (!said) {
            lastTs = status.ts();
            heardAt = now;
            nextResubscribeAt = now + SILENT_MS;
            wait = SILENT_MS;
        }
        return wasUp != up(now);
    }

    /** Whether the gateway is up: it said so last and, if it renews its lease, it was heard lately. */
    public boolean up(long now) {
        return up && !(heartbeats && now - heardAt > SILENT_MS);
    }

    /** Whether to subscribe to the gateway topic again now; each time it is, the next wait doubles. */
    public boolean resubscribeDue(long now) {
        if (!heartbeats || up(now) || now < nextResubscribeAt) {
            return false;
        }
        nextResubscribeAt = now + wait;
        wait = Math.min(LONGEST_WAIT_MS, wait * 2);
        return true;
    }

    public String holder() {
        return holder;
    }
}
