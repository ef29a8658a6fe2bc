package dev.seatlink.gateway.lease;

import dev.seatlink.protocol.GatewayStatus;

/**
 * The primary lease of one of a floor's pair, kept as a record in a store that compares and sets ({@link LeaseStore}:
 * the cluster's key-value bucket), as a pure rule: the inputs are the store's answers, the broker link and the
 * clock; the output says what to do. A retained MQTT message cannot be this lock on a cluster — a busy node may
 * hold a retained publish for seconds, so both gateways can take a lease neither hears the other take — while a
 * write that names the revision it replaces is ordered by the cluster: of two gateways writing over the same
 * revision, one wins.
 *
 * <ul>
 *   <li>The standby reads the record every check. It takes the lease when the record is free (none yet, or the
 *       holder released it), names this gateway itself (from before a restart), or has kept the same revision for
 *       {@link LeaseTiming#timeoutMs()} since this gateway first read it: the holder stopped renewing.</li>
 *   <li>Taking and renewing are both a write over the revision last seen. Written: this gateway holds the lease.
 *       Another revision there: someone else holds it — a primary steps down at once.</li>
 *   <li>The holder is primary only until {@link LeaseTiming#holdMs()} after it <em>sent</em> its last renewal the
 *       store took. The standby counts its timeout from when it first <em>read</em> that revision, which is later,
 *       and the hold is shorter than the timeout: a holder cut off from the store has stepped down before the
 *       standby can take over, so the floor never has two primaries, only (while the store is unreachable) none.</li>
 *   <li>Only a gateway whose broker link is up takes or renews the lease. A primary whose link drops keeps it
 *       through a drop it recovers from within the hold; one whose link stays down, and one that stops, releases it
 *       (writes the record offline over its own revision) so the other takes over at its next read.</li>
 * </ul>
 * Every time is this gateway's own clock: the two machines' clocks may differ; only their rates must agree.
 */
public final class StoredLease implements LeaseRule {
    /** A write to send: {@code value} over {@code expectedRevision} (0: the store holds no record yet). */
    public record Write(GatewayStatus value, long expectedRevision, long sentAt) {
    }

    private final String self;
    private final LeaseTiming timing;
    private Role role = Role.STANDBY;
    private boolean subscribed;
    private boolean resigned;
    /** The record's revision as last read or written (-1: not read yet; 0: there is no record). */
    private long revision = -1;
    /** When this gateway first saw {@link #revision}. */
    private long revisionSeenAt;
    /** Who the record names as holder, online; null when it is free. */
    private GatewayStatus recorded;
    /** When this gateway sent its last write the store took (a renewal, or its take). */
    private long heldFrom = Long.MIN_VALUE / 2;
    private long since;
    private boolean reading;
    private Write writing;
    private Takeover takeover;
    private String steppedDownBecause;

    public StoredLease(String self, LeaseTiming timing) {
        this.self = self;
        this.timing = timing;
    }

    @Override
    public Action subscribed(long now) {
        if (resigned) {
            return Action.NOTHING;
        }
        subscribed = true;
        return role == Role.PRIMARY ? Action.RENEW : read();
    }

    /**
     * The link dropped. A primary keeps the lease but renews it only once its link is back: on a cluster a node's
     * death moves the link to another node within a second, and handing the floor over on every such drop made the
     * pair take turns (each turn a roll call that loaded the degraded cluster further, dropping more links:
     * {@code bench center} run 84). A primary whose link stays down steps down when its hold runs out.
     */
    @Override
    public Action linkLost() {
        subscribed = false;
        return Action.NOTHING;
    }

    /** A status on the retained topic: not the lock, but the primary says again who it is over a stray one. */
    @Override
    public Action heard(GatewayStatus status, long now) {
        boolean mineOnline = self.equals(status.id()) && status.online();
        return role == Role.PRIMARY && !resigned && !mineOnline ? Action.RENEW : Action.NOTHING;
    }

    @Override
    public Action probeCameBack(long sentAt, long now) {
        return Action.NOTHING;
    }

    @Override
    public Action tick(long now) {
        if (resigned) {
            return Action.NOTHING;
        }
        if (role == Role.PRIMARY) {
            if (now - heldFrom >= timing.holdMs()) {
                role = Role.STANDBY;
                steppedDownBecause = subscribed ? "the store took no renewal within " + timing.holdMs() + " ms"
                        : "its broker link was down for " + timing.holdMs() + " ms";
                return subscribed ? Action.BECAME_STANDBY : Action.RELEASE;
            }
            return subscribed && writing == null && now - heldFrom >= timing.heartbeatMs() ? Action.WRITE
                    : Action.NOTHING;
        }
        if (!subscribed || writing != null || reading) {
            return Action.NOTHING;
        }
        if (revision < 0) {
            return read();
        }
        if (recorded == null) {
            return take(Takeover.LEASE_FREE);
        }
        if (self.equals(recorded.id())) {
            return take(Takeover.LEASE_OWN);
        }
        if (now - revisionSeenAt >= timing.timeoutMs()) {
            return take(Takeover.LEASE_UNRENEWED);
        }
        return read();
    }

    /**
     * What the store holds: its revision (0: nothing) and the status it names, online or not (null: nothing). An
     * answer that comes while this gateway writes, or holds the lease, is older than what it knows: left unread.
     */
    public Action read(long storedRevision, GatewayStatus status, long now) {
        reading = false;
        if (writing == null && role == Role.STANDBY) {
            see(storedRevision, status, now);
        }
        return Action.NOTHING;
    }

    /** The write to send after {@link Action#WRITE}: the lease naming this gateway, over the revision last seen. */
    public Write write(long now, String url) {
        writing = new Write(GatewayStatus.primary(self, now, url, role == Role.PRIMARY ? since : now),
                Math.max(revision, 0), now);
        return writing;
    }

    /** The store took {@code write} as {@code newRevision}. */
    public Action written(Write write, long newRevision, long now) {
        if (write != writing) {
            return Action.NOTHING;
        }
        writing = null;
        see(newRevision, write.value(), now);
        if (resigned) {
            steppedDownBecause = "it stops";
            return Action.RELEASE; // it landed after the goodbye
        }
        if (now - write.sentAt() >= timing.holdMs()) {
            return Action.NOTHING; // too late to count; the next tick takes it again as this gateway's own
        }
        if (role == Role.PRIMARY) {
            heldFrom = write.sentAt();
            return Action.RENEW;
        }
        if (!subscribed) {
            steppedDownBecause = "its broker link dropped while it took the lease";
            return Action.RELEASE; // let the other have it now
        }
        heldFrom = write.sentAt();
        role = Role.PRIMARY;
        since = write.value().since();
        return Action.BECAME_PRIMARY;
    }

    /** The store holds another revision than {@code write} named: another gateway wrote the record meanwhile. */
    public Action conflicted(Write write) {
        if (write != writing) {
            return Action.NOTHING;
        }
        writing = null;
        revision = -1; // read it again before anything else
        if (role == Role.PRIMARY) {
            role = Role.STANDBY;
            steppedDownBecause = "another gateway wrote the lease";
            return Action.BECAME_STANDBY;
        }
        return Action.CLAIM_WITHDRAWN;
    }

    /** A read got no answer (the store is unreachable or slow): read again at the next check. */
    public void readFailed() {
        reading = false;
    }

    /** A write got no answer: whether the store took it is unknown, so the next check reads the record first. */
    public void writeFailed(Write write) {
        if (write == writing) {
            writing = null;
            revision = role == Role.PRIMARY ? revision : -1;
        }
    }

    /** The revision a release writes over: this gateway's own, as last written. */
    public long releaseRevision() {
        return revision;
    }

    @Override
    public boolean resign() {
        boolean was = role == Role.PRIMARY || writing != null;
        resigned = true;
        role = Role.STANDBY;
        return was;
    }

    @Override
    public GatewayStatus renewal(long now, String url) {
        return GatewayStatus.primary(self, now, url, since);
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public boolean claiming() {
        return role == Role.STANDBY && writing != null;
    }

    @Override
    public boolean paired() {
        return true;
    }

    @Override
    public String holder() {
        if (role == Role.PRIMARY) {
            return self;
        }
        return recorded == null || self.equals(recorded.id()) ? null : recorded.id();
    }

    @Override
    public String holderUrl() {
        return role == Role.PRIMARY || holder() == null ? null : recorded.url();
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public Takeover takeover() {
        return takeover;
    }

    @Override
    public String steppedDownBecause() {
        return steppedDownBecause;
    }

    private void see(long storedRevision, GatewayStatus status, long now) {
        if (storedRevision != revision) {
            revision = storedRevision;
            revisionSeenAt = now;
        }
        recorded = status != null && status.online() ? status : null;
    }

    private Action read() {
        reading = true;
        return Action.READ;
    }

    private Action take(Takeover why) {
        takeover = why;
        return Action.WRITE;
    }
}
