package dev.seatlink.gateway.lease;

import dev.seatlink.gateway.brokerlink.BrokerLink;
import dev.seatlink.gateway.brokerlink.FloorLink;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.jobs.PeriodicJob;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.Topic;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * Runs the floor's {@link LeaseRule} on its event loop: hears the broker link, asks the {@link LeaseStore} for a
 * {@link StoredLease}, publishes the primary's status on the retained {@code gateway} topic (the claim itself, for a
 * {@link Lease}), and when this gateway takes the lease hands the floor to the {@link PrimaryDuties}. Every part that
 * only the primary may do asks {@link #isPrimary()}.
 */
public final class LeaseKeeper implements BrokerLink.Listener, PeriodicJob, GatewayRole {
    /** How long after a reconnect the floor is checked even though the broker has not acknowledged the probe. */
    static final long ACK_WAIT_MS = 10_000;

    private final FloorLink link;
    private final Codec codec;
    private final Topic topic;
    private final LeaseRule lease;
    /** The same rule when it is a lease on the retained topic, else null. */
    private final Lease retained;
    /** The same rule when it is kept in a store, with that store; else both null. */
    private final StoredLease stored;
    private final LeaseStore store;
    private final LeaseTiming timing;
    private final FloorClock clock;
    private String url;
    private PrimaryDuties duties = occasion -> { };
    private LinkRecovery recovery = () -> { };
    private boolean everSubscribed;
    /** Counts the link's subscribes: an acknowledgement from an earlier connection is not this one's. */
    private long connections;
    /** Why the last claim or store call failed, so one retried every check says so once, not once per check. */
    private String lastFailure;

    /** A lease on the floor's retained topic: the floor's only gateway, or a pair on one broker. */
    public LeaseKeeper(FloorLink link, Codec codec, Topic topic, Lease lease, LeaseTiming timing, FloorClock clock) {
        this(link, codec, topic, lease, lease, null, null, timing, clock);
    }

    /** A pair's lease kept in {@code store}: a pair on a cluster. */
    public LeaseKeeper(FloorLink link, Codec codec, Topic topic, StoredLease lease, LeaseStore store, LeaseTiming timing,
                       FloorClock clock) {
        this(link, codec, topic, lease, null, lease, store, timing, clock);
    }

    private LeaseKeeper(FloorLink link, Codec codec, Topic topic, LeaseRule lease, Lease retained, StoredLease stored,
                        LeaseStore store, LeaseTiming timing, FloorClock clock) {
        this.link = link;
        this.codec = codec;
        this.topic = topic;
        this.lease = lease;
        this.retained = retained;
        this.stored = stored;
        this.store = store;
        this.timing = timing;
        this.clock = clock;
    }

    /** Where this gateway's wallboard is, known once HTTP listens (set before the link starts). */
    public void announceAt(String wallboardUrl) {
        this.url = wallboardUrl;
    }

    /** What checks the floor after the link comes back, in either role (set once, before the link starts). */
    public void onRecovery(LinkRecovery linkRecovery) {
        this.recovery = linkRecovery;
    }

    /** Who takes up the floor when this gateway becomes primary (set once, before the link starts). */
    public void onPrimary(PrimaryDuties primaryDuties) {
        this.duties = primaryDuties;
    }

    @Override
    public void subscribed() {
        boolean wasPrimary = lease.isPrimary();
        act(lease.subscribed(clock.millis()));
        if (!everSubscribed) {
            everSubscribed = true;
            if (wasPrimary) {
                duties.takeUp(PrimaryDuties.Occasion.FIRST_CONNECT);
            }
            return;
        }
        // Back after a loss. On a cluster whose node just died JetStream may not store for a few seconds, and NATS
        // closes an MQTT connection whose publish it cannot store: a roll call, replays and configs sent now would
        // each risk that, and every close brings the next reconnect and burst. So one probe goes first; the rest
        // follows its acknowledgement (or, on a broker that is up but slow to acknowledge, ACK_WAIT_MS).
        long connection = ++connections;
        link.probeAcknowledged(ACK_WAIT_MS).onComplete(acknowledged -> {
            if (connection != connections || !link.isConnected()) {
                return; // dropped meanwhile: the next connect starts over
            }
            if (acknowledged.failed()) {
                Logger.warn("{}: the broker did not acknowledge a probe within {} ms of the reconnect; checking the "
                        + "floor all the same", lease.self(), ACK_WAIT_MS);
            }
            if (wasPrimary && lease.isPrimary()) {
                duties.takeUp(PrimaryDuties.Occasion.RECONNECTED);
            }
            recovery.recovered();
        });
    }

    @Override
    public void lost() {
        act(lease.linkLost());
    }

    @Override
    public void heard(GatewayStatus status) {
        act(lease.heard(status, clock.millis()));
    }

    @Override
    public void probeCameBack(long sentAt) {
        act(lease.probeCameBack(sentAt, clock.millis()));
    }

    @Override
    public long periodMs() {
        return timing.checkMs();
    }

    @Override
    public void run() {
        act(lease.tick(clock.millis()));
    }

    private void act(LeaseRule.Action action) {
        switch (action) {
            case NOTHING -> { }
            case RENEW -> renew();
            case CLAIM -> {
                Logger.info("{} claims the floor's lease: {}; primary once the broker has the claim", lease.self(),
                        lease.takeover());
                claim();
            }
            case CLAIM_AGAIN -> {
                Logger.debug("{}: the broker has not acknowledged the claim yet; sending it again", lease.self());
                claim();
            }
            case CLAIM_WITHDRAWN -> Logger.info("{} withdraws its claim: {} holds the lease", lease.self(),
                    lease.holder() == null ? "another gateway" : lease.holder());
            case BECAME_PRIMARY -> {
                Logger.info("{} is now the floor's primary gateway{}", lease.self(),
                        lease.takeover() == null ? "" : ": " + lease.takeover());
                renew(); // the floor hears who acts now
                duties.takeUp(PrimaryDuties.Occasion.TOOK_LEASE);
            }
            case BECAME_STANDBY -> Logger.info("{} is now standby: {}{}", lease.self(), lease.steppedDownBecause(),
                    lease.holder() == null ? "" : "; the primary is " + lease.holder());
            case READ -> store.read()
                    .onSuccess(entry -> act(stored.read(entry.revision(), entry.status(), clock.millis())))
                    .onFailure(e -> {
                        stored.readFailed();
                        failed("could not read the lease", e);
                    });
            case WRITE -> write();
            case RELEASE -> {
                Logger.info("{} releases the floor's lease: {}", lease.self(), lease.steppedDownBecause());
                release();
            }
            case PROBE -> {
                Logger.info("{} has not heard the primary {} for {} ms: probing whether it is silent or late "
                        + "(probes lately back in {} ms)", lease.self(), lease.holder(), timing.timeoutMs(),
                        lease.probeRoundTripMs());
                link.probeFloorTopics();
            }
        }
    }

    /** The lease naming this gateway, acknowledged: only then is the claim one the other gateway can hear. */
    private void claim() {
        if (!link.isConnected()) {
            return; // the link's loss drops the claim
        }
        GatewayStatus claim = lease.renewal(clock.millis(), url);
        link.publishAcknowledged(topic.toString(), codec.encode(topic, claim), true)
                .onSuccess(acknowledged -> {
                    lastFailure = null;
                    act(retained.claimAcknowledged(claim.since()));
                })
                .onFailure(e -> failed("the claim was not sent or not acknowledged", e));
    }

    /** Takes or renews the stored lease: written over the revision last seen, or someone else wrote first. */
    private void write() {
        StoredLease.Write write = stored.write(clock.millis(), url);
        store.write(write.value(), write.expectedRevision())
                .onSuccess(revision -> {
                    lastFailure = null;
                    act(stored.written(write, revision, clock.millis()));
                })
                .onFailure(e -> {
                    if (e instanceof LeaseStore.Conflict) {
                        act(stored.conflicted(write));
                    } else {
                        stored.writeFailed(write);
                        failed("could not write the lease", e);
                    }
                });
    }

    /** The stored lease offline over this gateway's own revision: the other takes it at its next read. */
    private Future<Void> release() {
        long revision = stored.releaseRevision();
        if (revision <= 0) {
            return Future.succeededFuture();
        }
        return store.write(lease.offline(clock.millis()), revision).<Void>mapEmpty()
                .recover(e -> {
                    Logger.info("{}: the lease was not released ({}); the other gateway takes it once it runs out",
                            lease.self(), e.getMessage());
                    return Future.succeededFuture();
                });
    }

    /** Says why a call to the broker or store failed — once, while it keeps failing the same way. */
    private void failed(String what, Throwable e) {
        if (!Objects.equals(e.getMessage(), lastFailure)) {
            lastFailure = e.getMessage();
            Logger.warn("{}: {} ({}); trying again", lease.self(), what, e.getMessage());
        }
    }

    private void renew() {
        if (link.isConnected()) {
            link.publish(topic.toString(), codec.encode(topic, lease.renewal(clock.millis(), url)), true);
        }
    }

    /**
     * A primary's goodbye: the lease offline (in the store, and on the topic), so the standby takes it at once. A
     * standby leaves both be.
     */
    public Future<Void> close() {
        boolean held = lease.resign();
        Future<Void> released = held && store != null ? release().timeout(2, TimeUnit.SECONDS) : Future.succeededFuture();
        Future<Void> said = released.recover(e -> Future.succeededFuture()).compose(v -> sayOffline(held));
        return store == null ? said : said.eventually(store::close);
    }

    private Future<Void> sayOffline(boolean held) {
        if (!held || !link.isConnected()) {
            return Future.succeededFuture();
        }
        return link.publishAcknowledged(topic.toString(), codec.encode(topic, lease.offline(clock.millis())), true)
                .timeout(2, TimeUnit.SECONDS)
                .recover(e -> {
                    Logger.warn("could not say offline on {}: {}", topic, e.getMessage());
                    return Future.succeededFuture();
                });
    }

    public boolean isPrimary() {
        return lease.isPrimary();
    }

    @Override
    public Role role() {
        return lease.role();
    }

    @Override
    public String self() {
        return lease.self();
    }

    @Override
    public String primary() {
        return lease.holder();
    }

    @Override
    public String primaryUrl() {
        return lease.holderUrl();
    }

    @Override
    public boolean paired() {
        return lease.paired();
    }

    @Override
    public boolean claiming() {
        return lease.claiming();
    }
}
