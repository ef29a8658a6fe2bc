package dev.seatlink.gateway.lease;

/** What the routes and the wallboard read of the lease: this gateway's role and whom to send people to. */
public interface GatewayRole {
    Role role();

    /** This gateway's id on the gateway topic. */
    String self();

    /** The primary's id as far as this gateway knows (itself when primary), or null while there is none. */
    String primary();

    /** The primary's wallboard URL when it is the other gateway and said it, else null. */
    String primaryUrl();

    /** Whether this gateway is one of a pair. */
    boolean paired();

    /** Whether it has claimed the lease and waits for the broker to acknowledge the claim (standby until then). */
    default boolean claiming() {
        return false;
    }
}
