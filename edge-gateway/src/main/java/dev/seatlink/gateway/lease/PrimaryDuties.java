package dev.seatlink.gateway.lease;

/**
 * What a gateway does when it starts acting as the floor's primary on a live link: at its first connect, when
 * it takes the lease, and on every reconnect while it holds it (a floor's only gateway always does).
 */
public interface PrimaryDuties {
    /** Why the floor is taken up now. */
    enum Occasion {
        /** The gateway's first connect as the floor's only gateway: the broker's retained messages are the truth. */
        FIRST_CONNECT,
        /** It took the lease from the other gateway of the pair. */
        TOOK_LEASE,
        /** Its link came back: the broker, or the node it was on, may have lost what it held (Last Wills too). */
        RECONNECTED
    }

    void takeUp(Occasion occasion);
}
