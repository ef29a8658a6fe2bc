package dev.seatlink.gateway.lease;

import dev.seatlink.protocol.GatewayStatus;

/**
 * Who of a floor's gateways is primary, as a pure rule the {@link LeaseKeeper} runs: {@link Lease} on the floor's
 * retained {@code gateway} topic (a floor's only gateway, or a pair on one broker), {@link StoredLease} in a store
 * that compares and sets (a pair on a cluster). Inputs are what the gateway heard and the clock; each returns what
 * to do.
 */
public interface LeaseRule {
    /** What the keeper does after an input. */
    enum Action {
        NOTHING, RENEW, BECAME_PRIMARY, BECAME_STANDBY,
        /** Publish the claim (the renewal) acknowledged, and report the acknowledgement; {@code CLAIM_AGAIN}: resend it. */
        CLAIM, CLAIM_AGAIN,
        /** An earlier holder was heard while claiming: the claim is dropped (the gateway stays standby). */
        CLAIM_WITHDRAWN,
        /** Send a probe through the floor's topics: the holder's silence counts once it comes back. */
        PROBE,
        /** Read the lease's record from the store ({@link StoredLease} only). */
        READ,
        /** Write the lease naming this gateway over the revision last seen: take it, or renew it. */
        WRITE,
        /** Write the record offline over this gateway's own revision: the other may take it at once. */
        RELEASE
    }

    /** Why a standby took the lease: said in the log, so a takeover on a live floor can be explained. */
    enum Takeover {
        HOLDER_OFFLINE("the holder's status went offline"),
        NONE_HEARD("no holder was heard after subscribing"),
        PROBE_BACK_FIRST("its probe came back with no heartbeat of the holder before it"),
        PROBE_LATE("its probe did not come back either"),
        LEASE_FREE("the store names no holder"),
        LEASE_OWN("the store names this gateway, from before"),
        LEASE_UNRENEWED("the holder did not renew the lease in the store");

        private final String reason;

        Takeover(String reason) {
            this.reason = reason;
        }

        @Override
        public String toString() {
            return reason;
        }
    }

    /** The floor's subscriptions are in place (every connect). */
    Action subscribed(long now);

    /** The broker link dropped. */
    Action linkLost();

    /** A status heard on the floor's gateway topic (retained or live). */
    Action heard(GatewayStatus status, long now);

    /** A probe this gateway sent at {@code sentAt} through the floor's topics came back. */
    Action probeCameBack(long sentAt, long now);

    /** Called every {@link LeaseTiming#checkMs()}. */
    Action tick(long now);

    /**
     * The gateway is stopping: it holds and takes nothing more. Returns whether it was primary or claiming, and so
     * should say offline.
     */
    boolean resign();

    /** The status to publish on the gateway topic while primary. */
    GatewayStatus renewal(long now, String url);

    /** The offline status, as the Last Will and at a clean stop. */
    default GatewayStatus offline(long now) {
        return GatewayStatus.offline(self(), now);
    }

    Role role();

    default boolean isPrimary() {
        return role() == Role.PRIMARY;
    }

    /** Whether this gateway is taking the lease and waits for the answer (standby until then). */
    boolean claiming();

    boolean paired();

    /** The gateway that holds the lease as far as this one knows: itself, the other, or null (none known). */
    String holder();

    /** Where the other gateway said its wallboard is, when it holds the lease; else null. */
    String holderUrl();

    String self();

    /** Why this gateway last took the lease; null while it never did (or is the floor's only one). */
    Takeover takeover();

    /** Why this gateway last stepped down, for the log; null while it never did. */
    String steppedDownBecause();

    /** The moving average of this gateway's probe round trips through the floor's topics (0: it sends none). */
    default long probeRoundTripMs() {
        return 0;
    }
}
