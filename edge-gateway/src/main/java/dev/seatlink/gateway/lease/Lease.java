package dev.seatlink.gateway.lease;

import dev.seatlink.link.RoundTrip;
import dev.seatlink.protocol.GatewayStatus;

/**
 * The primary lease of one gateway, as a pure rule: the inputs are what the gateway heard on the floor's
 * retained {@code gateway} topic, its link going up and down, and the clock; the output says what to do.
 *
 * <ul>
 *   <li>A gateway alone on its floor ({@link #single}) is always primary and renews its status every
 *       heartbeat, so a centre view sees it is alive.</li>
 *   <li>One of a pair ({@link #paired}) starts as standby. Once subscribed it takes the lease when the topic
 *       says the holder went offline, when no holder is heard within {@link LeaseTiming#startupWaitMs()}, or
 *       when the holder's heartbeat is older than {@link LeaseTiming#timeoutMs()} (its Last Will may have died
 *       with its broker node) and a probe sent then came back with no heartbeat before it ({@link #probeCameBack}),
 *       or its probe too is late: {@code timeoutMs}, or twice the moving average of its probes' round trips when
 *       this gateway's deliveries lag by more (a busy cluster must not make it snatch the lease from a live
 *       holder). A primary whose link drops is standby at once: it cannot renew what it holds.</li>
 *   <li>Taking the lease is a <em>claim</em> — the retained status naming this gateway, sent again every heartbeat —
 *       and the gateway is primary only once the broker has acknowledged it ({@link #claimAcknowledged}). On a
 *       cluster a retained publish can be held seconds by the node (NATS 2.9 stores it in the retained-message
 *       stream before delivering it, up to 4 s while that stream elects a leader): meanwhile the other gateway
 *       cannot hear it, may take the lease itself, and acting on an unheard claim would make two primaries.</li>
 *   <li>Two that both claim (they started together, or one's claim was held up) both hear the other: the one that
 *       claimed later, or with the greater id on a tie, steps down (or withdraws its claim); the other renews.</li>
 *   <li>An offline status that is not the holder's (the standby's Last Will lands on the same topic) makes
 *       the primary renew at once, so the topic names the primary again within a round trip.</li>
 * </ul>
 * Heard times are this gateway's own clock when the status arrived, never the sender's {@code ts}: the two
 * machines' clocks may differ.
 */
public final class Lease implements LeaseRule {
    private final String self;
    private final boolean paired;
    private final LeaseTiming timing;
    private Role role;
    private String holder;
    private String holderUrl;
    private long heardAt;
    private long subscribedAt = -1;
    private long since;
    /** When this gateway last sent its lease (a renewal, or its claim). */
    private long renewedAt = Long.MIN_VALUE / 2;
    /** While claiming, the {@code since} its claim carries; -1 when not claiming. */
    private long claimedAt = -1;
    private boolean resigned;
    /** When this standby last probed the holder's silence (-1: never). */
    private long probeSentAt = -1;
    /** How long this gateway's probes lately took to come back: a moving average, 0 before the first. */
    private final RoundTrip probeRoundTrip = new RoundTrip();
    private Takeover takeover;
    private String steppedDownBecause;

    private Lease(String self, boolean paired, LeaseTiming timing, Role role) {
        this.self = self;
        this.paired = paired;
        this.timing = timing;
        this.role = role;
    }

    /** The only gateway of its floor: primary from the start. */
    public static Lease single(String self, LeaseTiming timing, long now) {
        Lease lease = new Lease(self, false, timing, Role.PRIMARY);
        lease.since = now;
        return lease;
    }

    /** One of a floor's pair: standby until it takes the lease. */
    public static Lease paired(String self, LeaseTiming timing) {
        return new Lease(self, true, timing, Role.STANDBY);
    }

    /** The floor's subscriptions are in place (every connect). */
    @Override
    public Action subscribed(long now) {
        if (resigned) {
            return Action.NOTHING;
        }
        subscribedAt = now;
        return role == Role.PRIMARY ? renewed(now) : Action.NOTHING;
    }

    /** The broker link dropped: a paired primary is standby until it holds the lease again. */
    @Override
    public Action linkLost() {
        subscribedAt = -1;
        claimedAt = -1; // a claim the broker may still hold names a since no renewal will carry: an earlier holder wins
        if (paired && role == Role.PRIMARY) {
            role = Role.STANDBY;
            holder = null;
            steppedDownBecause = "its broker link dropped";
            return Action.BECAME_STANDBY;
        }
        return Action.NOTHING;
    }

    /** A status heard on the floor's gateway topic (retained or live). */
    @Override
    public Action heard(GatewayStatus status, long now) {
        if (resigned) {
            return Action.NOTHING;
        }
        boolean mine = self.equals(status.id());
        if (role == Role.PRIMARY) {
            if (!status.online() || mine) {
                // someone's Will or our own old status overwrote the lease: say again who holds it
                return mine && status.online() ? Action.NOTHING : renewed(now);
            }
            if (!paired) {
                return renewed(now);
            }
            if (outranks(status)) {
                role = Role.STANDBY;
                steppedDownBecause = status.id() + " holds the lease from earlier";
                follow(status, now);
                return Action.BECAME_STANDBY;
            }
            return renewed(now);
        }
        if (mine) {
            return Action.NOTHING; // our own status from before a restart, or our claim: says nothing about the other
        }
        if (claiming()) {
            if (!status.online() || !outranks(status)) {
                return Action.NOTHING; // when our claim lands, the later claimant steps down
            }
            claimedAt = -1;
            follow(status, now);
            return Action.CLAIM_WITHDRAWN;
        }
        if (status.online()) {
            follow(status, now);
            return Action.NOTHING;
        }
        if (holder == null || holder.equals(status.id())) {
            return take(Takeover.HOLDER_OFFLINE, now);
        }
        return Action.NOTHING;
    }

    /** Called every {@link LeaseTiming#checkMs()}: renews a primary's lease, or takes over a silent one. */
    @Override
    public Action tick(long now) {
        if (resigned) {
            return Action.NOTHING;
        }
        if (role == Role.PRIMARY) {
            return now - renewedAt >= timing.heartbeatMs() ? renewed(now) : Action.NOTHING;
        }
        if (subscribedAt < 0) {
            return Action.NOTHING;
        }
        if (claiming()) {
            if (now - renewedAt < timing.heartbeatMs()) {
                return Action.NOTHING;
            }
            renewedAt = now;
            return Action.CLAIM_AGAIN;
        }
        if (holder == null) {
            return now - subscribedAt >= timing.startupWaitMs() ? take(Takeover.NONE_HEARD, now) : Action.NOTHING;
        }
        if (now - heardAt <= timing.timeoutMs()) {
            return Action.NOTHING;
        }
        if (probeSentAt < heardAt) { // none out since the holder was last heard
            probeSentAt = now;
            return Action.PROBE;
        }
        // the probe is not back either: once it is later than this gateway's deliveries have lately been, the
        // floor subscription stalled and the silence counts all the same
        long lateAfter = Math.max(timing.timeoutMs(), 2 * probeRoundTrip.averageMs());
        return now - probeSentAt >= lateAfter ? take(Takeover.PROBE_LATE, now) : Action.NOTHING;
    }

    /**
     * A probe this gateway sent at {@code sentAt} through the floor's topics came back. The broker delivers them in
     * the order it took them in, so when none of the holder's heartbeats came before it, the holder really is silent
     * — not just late in reaching this gateway on a busy cluster — and the lease is taken.
     */
    @Override
    public Action probeCameBack(long sentAt, long now) {
        long tookMs = now - sentAt;
        if (tookMs >= 0) {
            probeRoundTrip.took(tookMs);
        }
        if (resigned || role == Role.PRIMARY || claiming() || holder == null || probeSentAt < 0 || sentAt < probeSentAt
                || heardAt >= probeSentAt) {
            return Action.NOTHING;
        }
        return take(Takeover.PROBE_BACK_FIRST, now);
    }

    /**
     * The broker acknowledged the claim that carries {@code claimSince}: the floor hears this gateway named, and it
     * is primary — unless it withdrew that claim, or lost its link, since.
     */
    public Action claimAcknowledged(long claimSince) {
        if (resigned || !claiming() || claimSince != claimedAt) {
            return Action.NOTHING;
        }
        claimedAt = -1;
        role = Role.PRIMARY;
        return Action.BECAME_PRIMARY;
    }

    /**
     * The gateway is stopping: it holds and takes nothing more (its own goodbye, heard back, must not make it
     * renew). Returns whether it was primary or claiming, and so should say offline (a claim the broker holds
     * would otherwise land later and name a gateway that is gone).
     */
    @Override
    public boolean resign() {
        boolean was = role == Role.PRIMARY || claiming();
        claimedAt = -1;
        resigned = true;
        role = Role.STANDBY;
        holder = null;
        return was;
    }

    /** The status to publish now: the lease while primary. */
    @Override
    public GatewayStatus renewal(long now, String url) {
        return GatewayStatus.primary(self, now, url, since);
    }

    @Override
    public Role role() {
        return role;
    }

    /** Whether this gateway claimed the lease and waits for the broker to acknowledge the claim. */
    @Override
    public boolean claiming() {
        return claimedAt >= 0;
    }

    @Override
    public boolean paired() {
        return paired;
    }

    /** The gateway that holds the lease as far as this one knows: itself, the other, or null (none heard). */
    @Override
    public String holder() {
        return role == Role.PRIMARY ? self : holder;
    }

    /** Where the other gateway said its wallboard is, when it holds the lease; else null. */
    @Override
    public String holderUrl() {
        return role == Role.PRIMARY ? null : holderUrl;
    }

    @Override
    public String self() {
        return self;
    }

    /** Why this gateway last took the lease; null while it never did (or is the floor's only one). */
    @Override
    public Takeover takeover() {
        return takeover;
    }

    @Override
    public String steppedDownBecause() {
        return steppedDownBecause;
    }

    /** The moving average of this gateway's probe round trips through the floor's topics. */
    @Override
    public long probeRoundTripMs() {
        return probeRoundTrip.averageMs();
    }

    private boolean outranks(GatewayStatus other) {
        long theirs = other.since() == null ? Long.MAX_VALUE : other.since();
        return theirs < since || theirs == since && other.id().compareTo(self) < 0;
    }

    private void follow(GatewayStatus status, long now) {
        holder = status.id();
        holderUrl = status.url();
        heardAt = now;
    }

    private Action take(Takeover why, long now) {
        takeover = why;
        since = now;
        claimedAt = now;
        holder = null;
        holderUrl = null;
        renewedAt = now;
        return Action.CLAIM;
    }

    private Action renewed(long now) {
        renewedAt = now;
        return Action.RENEW;
    }
}
