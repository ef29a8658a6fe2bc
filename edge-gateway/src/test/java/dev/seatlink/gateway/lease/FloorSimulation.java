package dev.seatlink.gateway.lease;

import dev.seatlink.gateway.lease.LeaseRule.Action;
import dev.seatlink.protocol.GatewayStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A floor's pair of {@link StoredLease}s on a simulated store that compares and sets, in simulated time: each call
 * reaches the store after a delay (a write may land after its sender gave up on it), its answer comes back after
 * another or is lost (the sender hears a failure after {@link #CALL_TIMEOUT_MS}); links drop and come back; a
 * gateway dies and restarts with the same id. Every gateway checks its lease every {@link LeaseTiming#checkMs()},
 * as the keeper's periodic job does, and all share one clock rate.
 */
final class FloorSimulation {
    static final long CALL_TIMEOUT_MS = 2_000;
    private static final long T = 1_800_000_000_000L;
    private static final String[] IDS = {"hq-f1-gateway-a", "hq-f1-gateway-b"};

    private record Event(long at, long order, Runnable what) {
    }

    private final class Gateway {
        final String id;
        final StoredLease lease;
        boolean alive = true;

        Gateway(String id) {
            this.id = id;
            this.lease = new StoredLease(id, timing);
        }

        void act(Action action) {
            if (!alive) {
                return;
            }
            switch (action) {
                case READ -> call(this, () -> revision, answer -> lease.read(answer, valueAt.get(answer), now),
                        lease::readFailed);
                case WRITE -> {
                    StoredLease.Write write = lease.write(now, "http://" + id + "/");
                    call(this, () -> compareAndSet(write.value(), write.expectedRevision()), answer -> answer < 0
                            ? lease.conflicted(write) : lease.written(write, answer, now), () -> lease.writeFailed(write));
                }
                case RELEASE -> {
                    GatewayStatus offline = lease.offline(now);
                    long over = lease.releaseRevision();
                    call(this, () -> compareAndSet(offline, over), answer -> Action.NOTHING, () -> { });
                }
                default -> { }
            }
            if (action != Action.NOTHING && action != Action.READ) {
                note(id + " " + action + (action == Action.BECAME_STANDBY ? " (" + lease.steppedDownBecause() + ")" : ""));
            }
        }
    }

    /** What the store does with a call when it reaches it: a revision, or -1 for a write that conflicts. */
    private interface StoreCall {
        long apply();
    }

    private interface Answer {
        Action heard(long answer);
    }

    private final Random random;
    private final LeaseTiming timing;
    private final boolean calm;
    private final PriorityQueue<Event> events = new PriorityQueue<>((x, y) -> x.at != y.at
            ? Long.compare(x.at, y.at) : Long.compare(x.order, y.order));
    private final Map<String, Gateway> gateways = new LinkedHashMap<>();
    private final Map<Long, GatewayStatus> valueAt = new LinkedHashMap<>();
    private final Deque<String> trace = new ArrayDeque<>();
    private final List<String> twoPrimaries = new ArrayList<>();
    private long order;
    private long now = T;
    private long revision;

    FloorSimulation(long seed, LeaseTiming timing) {
        this(seed, timing, false);
    }

    private FloorSimulation(long seed, LeaseTiming timing, boolean calm) {
        this.random = new Random(seed);
        this.timing = timing;
        this.calm = calm;
        for (String id : IDS) {
            start(id, random.nextInt((int) timing.checkMs()));
        }
        if (!calm) {
            for (int i = 0; i < 12; i++) {
                String id = IDS[random.nextInt(IDS.length)];
                long at = T + random.nextInt(170_000);
                if (random.nextInt(4) == 0) {
                    at(at, () -> kill(id));
                    at(at + random.nextInt(20_000), () -> start(id, 0));
                } else {
                    at(at, () -> linkLost(id));
                    at(at + random.nextInt(10_000), () -> subscribed(id));
                }
            }
        }
    }

    /** Calls that reach the store and come back within 50 ms, and links that never drop. */
    static FloorSimulation calm(long seed, LeaseTiming timing) {
        return new FloorSimulation(seed, timing, true);
    }

    void run(long forMs) {
        long until = now + forMs;
        while (!events.isEmpty() && events.peek().at <= until) {
            step();
        }
        now = until;
    }

    void runUntilPrimaryOtherThan(String id, long atMostMs) {
        long until = now + atMostMs;
        while (!events.isEmpty() && events.peek().at <= until
                && (primary() == null || primary().equals(id))) {
            step();
        }
    }

    void kill(String id) {
        Gateway gateway = gateways.get(id);
        if (gateway != null && gateway.alive) {
            gateway.alive = false;
            note(id + " dies");
        }
    }

    /** The one primary among the living gateways, or null. */
    String primary() {
        return gateways.values().stream().filter(g -> g.alive && g.lease.isPrimary()).map(g -> g.id).findFirst()
                .orElse(null);
    }

    long now() {
        return now;
    }

    List<String> twoPrimaries() {
        return twoPrimaries;
    }

    String trace() {
        return String.join("\n", trace);
    }

    private void step() {
        Event event = events.poll();
        now = event.at;
        event.what.run();
        long primaries = gateways.values().stream().filter(g -> g.alive && g.lease.isPrimary()).count();
        if (primaries > 1) {
            twoPrimaries.add("at +" + (now - T) + " ms");
        }
    }

    private void start(String id, long tickOffset) {
        Gateway old = gateways.get(id);
        if (old != null && old.alive) {
            return;
        }
        Gateway gateway = new Gateway(id);
        gateways.put(id, gateway);
        note(id + " starts");
        gateway.act(gateway.lease.subscribed(now));
        tick(gateway, now + tickOffset);
    }

    private void tick(Gateway gateway, long at) {
        at(at, () -> {
            if (gateway.alive) {
                gateway.act(gateway.lease.tick(now));
                tick(gateway, now + timing.checkMs());
            }
        });
    }

    private void linkLost(String id) {
        Gateway gateway = gateways.get(id);
        note(id + " loses its link");
        gateway.act(gateway.lease.linkLost());
    }

    private void subscribed(String id) {
        Gateway gateway = gateways.get(id);
        note(id + " is subscribed");
        gateway.act(gateway.lease.subscribed(now));
    }

    /** The call reaches the store after one delay; its answer comes back after another, or as a failure. */
    private void call(Gateway caller, StoreCall store, Answer answer, Runnable failure) {
        long sent = now;
        long there = delay();
        long back = delay();
        boolean lost = !calm && random.nextInt(10) == 0;
        long[] result = new long[1];
        at(sent + there, () -> result[0] = store.apply());
        if (lost || there + back > CALL_TIMEOUT_MS) {
            at(sent + CALL_TIMEOUT_MS, () -> {
                if (caller.alive) {
                    failure.run();
                }
            });
        } else {
            at(sent + there + back, () -> caller.act(answer.heard(result[0])));
        }
    }

    private long compareAndSet(GatewayStatus status, long expected) {
        if (expected != revision) {
            return -1;
        }
        revision++;
        valueAt.put(revision, status);
        return revision;
    }

    private long delay() {
        if (calm) {
            return 1 + random.nextInt(50);
        }
        return switch (random.nextInt(10)) {
            case 0 -> random.nextInt(8_000);
            case 1, 2 -> random.nextInt(2_000);
            default -> random.nextInt(100);
        };
    }

    private void at(long at, Runnable what) {
        events.add(new Event(at, order++, what));
    }

    private void note(String line) {
        trace.add("+" + (now - T) + " " + line);
        if (trace.size() > 60) {
            trace.removeFirst();
        }
    }
}
