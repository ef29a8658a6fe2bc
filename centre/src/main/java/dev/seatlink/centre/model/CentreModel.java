package dev.seatlink.centre.model;

import dev.seatlink.centre.config.CentrePlan;
import dev.seatlink.protocol.FloorSummary;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.SeatEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The centre as its floors' gateways last told it: each floor's retained summary and primary lease, and
 * when anything was last heard from it — and the hands the seats themselves say are raised, shown at once, before
 * the floor's summary lists them (a primary busy on a degraded cluster, or a failover, may hold its summaries
 * back for seconds). Pure: the feed passes the time in; {@link #view} builds the page's figures. A floor not in
 * the centre config is ignored (memory stays bounded by the config, and the hands by {@link #MAX_HANDS}).
 */
public final class CentreModel {
    /** A floor silent this long (no lease heartbeat, no summary: both gateways down) is shown stale. */
    public static final long STALE_MS = 5_000;
    /** Queue entries sent to the page at most; the total is shown beside them. */
    static final int MAX_QUEUE = 500;
    /**
     * A summary heard this long after a seat's raised hand has seen it at the gateway: when it does not list the hand,
     * the hand was lowered there (its lowering missed here: the seats' events come at QoS 0).
     */
    public static final long CONFIRM_MS = 3_000;
    /** A hand no summary has listed is shown this long at most (its floor's gateways may both be silent). */
    public static final long UNCONFIRMED_MS = 60_000;
    /** A seat's event made longer ago than this is a replay or a late delivery: the summary has it. */
    public static final long LATE_EVENT_MS = 10_000;
    /** Hands from the seats kept per floor at most; more are left to the floor's summary. */
    static final int MAX_HANDS = 1_000;
    private static final List<String> GROUPINGS = List.of("businessLine", "customerTier", "skillTier");

    private final CentrePlan plan;
    private final Map<String, FloorState> floors = new LinkedHashMap<>();
    private boolean linkUp;
    private long version;
    /** Messages from the floors that did not decode, since start (for {@code /health}; not shown on the page). */
    private long refused;

    private static final class FloorState {
        final CentrePlan.FloorRef ref;
        FloorSummary summary;
        long summaryHeardAt = -1;
        GatewayStatus lease;
        long heardAt = -1;
        /** Per seat, the hand it says is raised, as heard from the seat (not the summary). */
        final Map<String, SeatHand> hands = new LinkedHashMap<>();

        FloorState(CentrePlan.FloorRef ref) {
            this.ref = ref;
        }

        /** The seats' own hands to show beside the summary: those it does not list yet. */
        List<SeatHand> handsNotListed(long now) {
            if (hands.isEmpty()) {
                return List.of();
            }
            Set<String> listed = summary == null ? Set.of()
                    : summary.helpQueue().stream().map(FloorSummary.Help::seat).collect(Collectors.toSet());
            if (summary != null && summary.help() > listed.size()) {
                return List.of(); // a summary lists at most 100: the rest it counts, and these may be among them
            }
            return hands.values().stream().filter(hand -> !listed.contains(hand.seat()) && shows(hand, now)).toList();
        }

        /** Whether a hand heard from its seat is still shown, unless the summary lists it. */
        boolean shows(SeatHand hand, long now) {
            return now - hand.heardAt() <= UNCONFIRMED_MS && summaryHeardAt < hand.heardAt() + CONFIRM_MS;
        }

        boolean stale(long now) {
            return heardAt >= 0 && now - heardAt > STALE_MS;
        }
    }

    public CentreModel(CentrePlan plan) {
        this.plan = plan;
        plan.floors().forEach(ref -> floors.put(ref.key(), new FloorState(ref)));
    }

    /** A floor's summary arrived; false when the floor is not one of the centre's. */
    public boolean summary(String site, String floor, FloorSummary summary, long now) {
        FloorState state = floors.get(site + "/" + floor);
        if (state == null) {
            return false;
        }
        state.summary = summary;
        state.summaryHeardAt = now;
        state.heardAt = now;
        version++;
        return true;
    }

    /**
     * A seat's transition arrived: with {@code help} its hand is up, without it down. One made more than
     * {@link #LATE_EVENT_MS} ago (by the seat's clock) is a replay or a late delivery, which the summary has already
     * seen; false for that and for a floor not the centre's.
     */
    public boolean seatEvent(String site, String floor, SeatEvent event, long now) {
        FloorState state = floors.get(site + "/" + floor);
        if (state == null || now - event.at() > LATE_EVENT_MS) {
            return false;
        }
        boolean changed;
        if (event.help()) {
            SeatHand held = state.hands.get(event.seat());
            if (held == null && state.hands.size() >= MAX_HANDS) {
                state.hands.values().removeIf(hand -> now - hand.heardAt() > UNCONFIRMED_MS);
            }
            changed = held != null || state.hands.size() < MAX_HANDS;
            if (changed) {
                // heard again: the seat says it is up now, even after a summary that did not list it
                long since = held != null && state.shows(held, now) ? held.since() : event.at();
                state.hands.put(event.seat(), new SeatHand(event.seat(), event.agent(), since, now));
            }
        } else {
            changed = state.hands.remove(event.seat()) != null;
        }
        if (changed) {
            version++;
        }
        return changed;
    }

    /** A floor's gateway status (its primary's heartbeat, or an offline one) arrived. */
    public boolean lease(String site, String floor, GatewayStatus status, long now) {
        FloorState state = floors.get(site + "/" + floor);
        if (state == null) {
            return false;
        }
        boolean holderChanged = state.lease == null || state.lease.online() != status.online()
                || !state.lease.id().equals(status.id()) || state.stale(now);
        if (status.online() || state.lease == null || state.lease.id().equals(status.id())) {
            state.lease = status; // another gateway's Last Will does not unseat the one holding the lease
        }
        state.heardAt = now;
        if (holderChanged) {
            version++;
        }
        return holderChanged;
    }

    public void link(boolean up) {
        if (linkUp != up) {
            linkUp = up;
            version++;
        }
    }

    public void refused() {
        refused++;
    }

    public long refusedMessages() {
        return refused;
    }

    /** Bumped by every change worth showing; with {@link #staleCount} the stream knows when to push. */
    public long version() {
        return version;
    }

    public int staleCount(long now) {
        return (int) floors.values().stream().filter(f -> f.stale(now)).count();
    }

    public CentreView view(long now) {
        List<CentreView.Tile> tiles = new ArrayList<>();
        List<CentreView.QueueItem> queue = new ArrayList<>();
        Map<String, Map<String, GroupSum>> groups = new LinkedHashMap<>();
        GROUPINGS.forEach(g -> groups.put(g, new TreeMap<>()));
        Sum total = new Sum();
        int stale = 0;
        for (FloorState state : floors.values()) {
            List<SeatHand> early = state.handsNotListed(now);
            tiles.add(tile(state, now, early.size()));
            stale += state.stale(now) ? 1 : 0;
            String wallboard = wallboard(state);
            early.forEach(h -> queue.add(hand(state, h.seat(), null, h.agent(), h.since(), wallboard)));
            total.help += early.size();
            FloorSummary s = state.summary;
            if (s == null) {
                continue;
            }
            total.add(s);
            s.helpQueue().forEach(h -> queue.add(hand(state, h.seat(), h.routedTo() == null ? h.team() : h.routedTo(),
                    h.agent(), h.since(), wallboard)));
            s.alertList().forEach(a -> queue.add(new CentreView.QueueItem("alert", state.ref.key(), state.ref.name(),
                    a.seat(), a.team(), null, a.text(), a.since(), wallboard)));
            s.groups().forEach((grouping, byKey) -> {
                Map<String, GroupSum> sums = groups.get(grouping);
                if (sums != null) {
                    byKey.forEach((key, group) -> sums.computeIfAbsent(key, k -> new GroupSum()).add(group));
                }
            });
        }
        // hands first: someone is waiting on the phone for help, and a floor's 100 listed alerts times a few floors
        // would otherwise push every newer hand past the page's MAX_QUEUE
        queue.sort(Comparator.comparing((CentreView.QueueItem item) -> !item.kind().equals("help"))
                .thenComparingLong(CentreView.QueueItem::since));
        Map<String, List<CentreView.GroupRow>> rows = new LinkedHashMap<>();
        groups.forEach((grouping, sums) -> rows.put(grouping, sums.entrySet().stream()
                .map(e -> e.getValue().row(e.getKey())).toList()));
        return new CentreView(plan.name(), now, linkUp ? "UP" : "DOWN", tiles, total.totals(), stale, rows,
                List.copyOf(queue.subList(0, Math.min(MAX_QUEUE, queue.size()))), queue.size());
    }

    /** A raised hand in the queue; {@code team} (the one asked to take it) is null until a summary lists it. */
    private static CentreView.QueueItem hand(FloorState state, String seat, String team, String agent, long since,
                                             String wallboard) {
        return new CentreView.QueueItem("help", state.ref.key(), state.ref.name(), seat, team, agent, "raised hand",
                since, wallboard);
    }

    private static CentreView.Tile tile(FloorState state, long now, int earlyHands) {
        FloorSummary s = state.summary;
        String shown = state.heardAt < 0 ? "waiting" : state.stale(now) ? "stale" : "live";
        String primary = state.lease != null && state.lease.online() ? state.lease.id() : null;
        return new CentreView.Tile(state.ref.key(), state.ref.site(), state.ref.floor(), state.ref.name(), shown,
                s == null ? 0 : s.seats(), s == null ? 0 : s.online(),
                s == null ? 0 : staffedOf(s),
                s == null ? 0 : s.states().getOrDefault("READY", 0), s == null ? null : s.occupancy(),
                (s == null ? 0 : s.help()) + earlyHands, s == null ? 0 : s.alerts(), primary, wallboard(state),
                state.heardAt < 0 ? -1 : now - state.heardAt, s == null ? 0 : s.ts());
    }

    /** An older gateway's summary has no {@code staffed}: its online seats stand in. */
    private static int staffedOf(FloorSummary summary) {
        return summary.staffed() == null ? summary.online() : summary.staffed();
    }

    private static String wallboard(FloorState state) {
        return state.lease != null && state.lease.online() ? state.lease.url() : null;
    }

    /** Centre-wide counts; occupancy weighted by each floor's staffed seats. */
    private static final class Sum {
        int seats;
        int online;
        int staffed;
        int ready;
        int help;
        int alerts;
        long weighted;
        int weight;

        void add(FloorSummary floor) {
            int floorStaffed = staffedOf(floor);
            seats += floor.seats();
            online += floor.online();
            staffed += floorStaffed;
            ready += floor.states().getOrDefault("READY", 0);
            help += floor.help();
            alerts += floor.alerts();
            if (floor.occupancy() != null && floorStaffed > 0) {
                weighted += (long) floor.occupancy() * floorStaffed;
                weight += floorStaffed;
            }
        }

        CentreView.Totals totals() {
            return new CentreView.Totals(seats, online, staffed, ready, help, alerts,
                    weight == 0 ? null : (int) Math.round((double) weighted / weight));
        }
    }

    /** One group across floors. */
    private static final class GroupSum {
        int floors;
        int seats;
        int staffed;
        int ready;
        int busy;
        int wrapUp;
        int notReady;
        int help;
        long weighted;
        int weight;

        void add(FloorSummary.Group group) {
            floors++;
            seats += group.seats();
            staffed += group.staffed();
            ready += group.ready();
            busy += group.busy();
            wrapUp += group.wrapUp();
            notReady += group.notReady();
            help += group.help();
            if (group.occupancy() != null && group.staffed() > 0) {
                weighted += (long) group.occupancy() * group.staffed();
                weight += group.staffed();
            }
        }

        CentreView.GroupRow row(String key) {
            return new CentreView.GroupRow(key, floors, seats, staffed, ready, busy, wrapUp, notReady, help,
                    weight == 0 ? null : (int) Math.round((double) weighted / weight));
        }
    }

    /** A hand a seat says is raised, heard at {@code heardAt}; its team comes with the summary that lists it. */
    private record SeatHand(String seat, String agent, long since, long heardAt) {
    }
}
