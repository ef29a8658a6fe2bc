package dev.seatlink.terminal.uplink;

import dev.seatlink.protocol.GatewayStatus;

/**
 * Whether the floor's gateway is up, from its retained status. A floor's pair of gateways share the topic, so
 * an offline status counts only from the gateway that last said it holds the floor: the standby's Last Will
 * lands there too, and the primary overwrites it at once. Not thread-safe: the uplink's callback thread calls.
 */
public final class GatewayWatch {
    private boolean up;
    private String holder;

    /** Takes in a status; returns whether the gateway went up or down. */
    public boolean heard(GatewayStatus status) {
        if (!status.online() && holder != null && !holder.equals(status.id())) {
            return false;
        }
        boolean changed = up != status.online();
        up = status.online();
        holder = status.id();
        return changed;
    }

    public boolean up() {
        return up;
    }

    public String holder() {
        return holder;
    }
}
