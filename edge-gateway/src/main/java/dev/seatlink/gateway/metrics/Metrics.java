package dev.seatlink.gateway.metrics;

import dev.seatlink.gateway.cti.CtiOutcome;
import dev.seatlink.protocol.RejectReason;
import dev.seatlink.protocol.Topic;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's counters. Thread-safe: the MQTT thread counts what arrives and what is rejected,
 * the floor context counts what applying did.
 */
public final class Metrics {
    /** Upper bounds of the event-age histogram, ms: receive time minus the terminal's {@code at}. */
    static final long[] LATENCY_BOUNDS_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};

    final LongAdder received = new LongAdder();
    final Map<Topic.Kind, LongAdder> accepted = new EnumMap<>(Topic.Kind.class);
    final Map<RejectReason, LongAdder> rejected = new EnumMap<>(RejectReason.class);
    final LongAdder applied = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder gapsOpened = new LongAdder();
    final LongAdder gapsFilled = new LongAdder();
    final LongAdder missing = new LongAdder();
    final LongAdder staleStates = new LongAdder();
    final LongAdder staleWills = new LongAdder();
    final LongAdder redeliveredStatuses = new LongAdder();
    final LongAdder replays = new LongAdder();
    final LongAdder partnerReplays = new LongAdder();
    final LongAdder asksOverNats = new LongAdder();
    final LongAdder asksOverBroker = new LongAdder();
    final LongAdder rebirths = new LongAdder();
    final LongAdder rebirthsFollowed = new LongAdder();
    final LongAdder brokerConnects = new LongAdder();
    final LongAdder subscriptionsStalled = new LongAdder();
    final LongAdder subscriptionTaps = new LongAdder();
    final LongAdder seatsBehind = new LongAdder();
    final Map<CtiOutcome, LongAdder> cti = new EnumMap<>(CtiOutcome.class);
    final LongAdder acdPausesSent = new LongAdder();
    /** Seats whose queue pause differs from their state now, and the longest any has differed since start (ms). */
    volatile int acdOutOfStep;
    volatile int ctiOwed;
    final LongAccumulator acdOutOfStepMaxMs = new LongAccumulator(Long::max, 0);
    final LongAdder[] latencyBuckets = new LongAdder[LATENCY_BOUNDS_MS.length + 1];
    final LongAdder latencySumMs = new LongAdder();
    /** The floor's 1 s tick (KPIs, alerts, summary) holds the event loop this long: last and worst, in µs. */
    volatile long tickMicros;
    volatile long tickMaxMicros;
    /** Per HTTP route (its path template), how long its handlers held the event loop. */
    final Map<String, RouteTime> routes = new ConcurrentSkipListMap<>();

    /** One route's time on the event loop: requests, their sum and the worst, in µs. */
    static final class RouteTime {
        final LongAdder count = new LongAdder();
        final LongAdder sumMicros = new LongAdder();
        final LongAccumulator maxMicros = new LongAccumulator(Long::max, 0);
    }

    public Metrics() {
        for (Topic.Kind kind : Topic.Kind.values()) {
            accepted.put(kind, new LongAdder());
        }
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, new LongAdder());
        }
        for (CtiOutcome outcome : CtiOutcome.values()) {
            cti.put(outcome, new LongAdder());
        }
        for (int i = 0; i < latencyBuckets.length; i++) {
            latencyBuckets[i] = new LongAdder();
        }
    }

    /** Any message off the wire, valid or not. */
    public void tick(long micros) {
        tickMicros = micros;
        tickMaxMicros = Math.max(tickMaxMicros, micros);
    }

    /** A request's handlers on {@code route} (a path template: bounded) held the event loop this long. */
    public void routeOnLoop(String route, long micros) {
        RouteTime time = routes.computeIfAbsent(route, r -> new RouteTime());
        time.count.increment();
        time.sumMicros.add(micros);
        time.maxMicros.accumulate(micros);
    }

    /** A phone-system event came in and ended so. */
    public void cti(CtiOutcome outcome) {
        cti.get(outcome).increment();
    }

    /** Queue pauses sent to the phone system. */
    public void acdPauseSent() {
        acdPausesSent.increment();
    }

    /** How many seats' queue pauses differ from their state now, and the longest of them (ms). */
    /** Phone events from the topic or the AMI link not yet with the broker (a standby's: kept for a takeover). */
    public void ctiOwed(int events) {
        ctiOwed = events;
    }

    public int ctiOwed() {
        return ctiOwed;
    }

    public void acdOutOfStep(int seats, long longestMs) {
        acdOutOfStep = seats;
        acdOutOfStepMaxMs.accumulate(longestMs);
    }

    public long ctiCount(CtiOutcome outcome) {
        return cti.get(outcome).sum();
    }

    /** The gateway's broker link (re)connected: more than one means it was dropped or knocked off. */
    public void brokerConnected() {
        brokerConnects.increment();
    }

    /** Subscriptions found delivering nothing (their probe did not come back), so each was made again. */
    public void subscriptionsStalled(int count) {
        subscriptionsStalled.add(count);
    }

    /** QoS 0 taps subscribed beside subscriptions whose consumer is in doubt (after a connect or a stall). */
    public void subscriptionsTapped(int count) {
        subscriptionTaps.add(count);
    }

    /** A terminal restarted below the floor's seq for its seat and was sent its config to continue above. */
    public void seatBehind() {
        seatsBehind.increment();
    }

    public void received() {
        received.increment();
    }

    /** A message that passed the codec. */
    public void accepted(Topic.Kind kind) {
        accepted.get(kind).increment();
    }

    /** A message that did not reach the floor. */
    public void rejected(RejectReason reason) {
        rejected.get(reason).increment();
    }

    /** An event reached the floor; {@code missingSeqs} were given up on before it. */
    public void eventApplied(long missingSeqs, long ageMs) {
        applied.increment();
        if (missingSeqs > 0) {
            missing.add(missingSeqs);
        }
        int bucket = 0;
        while (bucket < LATENCY_BOUNDS_MS.length && ageMs > LATENCY_BOUNDS_MS[bucket]) {
            bucket++;
        }
        latencyBuckets[bucket].increment();
        latencySumMs.add(Math.max(0, ageMs));
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void staleState() {
        staleStates.increment();
    }

    public void staleWill() {
        staleWills.increment();
    }

    public void redeliveredStatus() {
        redeliveredStatuses.increment();
    }

    public void rebirthSent() {
        rebirths.increment();
    }

    public void rebirthFollowed() {
        rebirthsFollowed.increment();
    }

    public void replaySent() {
        replays.increment();
    }

    /** Stored events sent again because the floor's other gateway asked a seat to replay them. */
    public void replayedForPartner(int events) {
        partnerReplays.add(events);
    }

    /** An ask of a seat sent through the gateway's NATS client, or (false) over the broker link while that was down. */
    public void asked(boolean overNats) {
        (overNats ? asksOverNats : asksOverBroker).increment();
    }

    public void gapsOpened(long n) {
        gapsOpened.add(n);
    }

    public void gapsFilled(long n) {
        gapsFilled.add(n);
    }

    public long rejectedCount(RejectReason reason) {
        return rejected.get(reason).sum();
    }

    public long duplicateCount() {
        return duplicates.sum();
    }

    public long redeliveredStatusCount() {
        return redeliveredStatuses.sum();
    }

    public long gapCount() {
        return gapsOpened.sum();
    }

    public long replayCount() {
        return replays.sum();
    }

    public long rebirthCount() {
        return rebirths.sum();
    }
}
