package dev.seatlink.gateway.lease;

/**
 * What a gateway does when it starts acting as the floor's primary on a live link: when it takes the lease,
 * and on every reconnect while it holds it (a floor's only gateway always does).
 */
public interface PrimaryDuties {
    void takeUp();
}
