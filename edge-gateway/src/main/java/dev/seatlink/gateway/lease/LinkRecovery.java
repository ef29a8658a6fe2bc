package dev.seatlink.gateway.lease;

/**
 * What either gateway does when its broker link is back after a loss: the node it was on may have died with
 * seats' Last Wills, so its view of who is online must be checked.
 */
public interface LinkRecovery {
    void recovered();
}
