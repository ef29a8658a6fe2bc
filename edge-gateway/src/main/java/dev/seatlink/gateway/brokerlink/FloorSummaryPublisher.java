package dev.seatlink.gateway.brokerlink;

import dev.seatlink.gateway.floor.FloorCounts;
import dev.seatlink.gateway.floor.FloorKpis;
import dev.seatlink.gateway.floor.GroupKpis;
import dev.seatlink.gateway.floor.Grouping;
import dev.seatlink.gateway.floor.Tick;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.FloorSummary;
import dev.seatlink.protocol.Topic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After each tick, the floor's retained {@code summary} for whoever watches the centre, when it changed; only
 * the floor's primary gateway publishes it.
 *
 * <p>One summary is in flight at a time. On a NATS cluster the node stores each retained QoS 1 publish in
 * JetStream twice (the retained copy, then the message) before it reads the gateway's next packet, so summaries
 * sent faster than a busy cluster stores them queued up on the node, and the lease's heartbeat waited behind
 * them: the standby heard the primary seconds late, took the lease and gave it back, and raised hands reached
 * the centre seconds late ({@code bench center} 2026-12-02 runs 14–16: p99 3.5–16 s). So a newer summary waits
 * for the one in flight to be acknowledged, replacing any older one waiting, and the broker only ever holds one.
 */
public final class FloorSummaryPublisher implements Tick.Listener {
    private final GatewayRole role;
    private final PrimaryFloorTopic topic;
    /** The last summary sent (in flight or acknowledged); null: the next goes out whatever it says. */
    private FloorSummary sent;
    /** Newer than the one in flight; sent once that is acknowledged. */
    private FloorSummary waiting;
    private boolean inFlight;

    public FloorSummaryPublisher(FloorLink link, GatewayRole role, Codec codec, String site, String floor) {
        this.role = role;
        this.topic = new PrimaryFloorTopic(link, codec, role, site, floor, Topic.Kind.SUMMARY);
    }

    @Override
    public void ticked(Tick tick) {
        if (!topic.isPrimary()) {
            sent = null; // on taking the lease, the first summary goes out whatever the other said last
            waiting = null;
            return;
        }
        FloorSummary summary = summaryOf(tick);
        FloorSummary newest = waiting != null ? waiting : sent;
        if (newest != null && summary.at(newest.ts()).equals(newest)) {
            return;
        }
        if (inFlight) {
            waiting = summary;
        } else {
            send(summary);
        }
    }

    private void send(FloorSummary summary) {
        if (!topic.canPublish()) {
            return; // the next tick tries again
        }
        sent = summary;
        inFlight = true;
        topic.publishAcknowledged(summary, true).onComplete(done -> {
            inFlight = false;
            if (done.failed()) {
                sent = null; // perhaps never stored: the next one goes out even if nothing changed
            }
            FloorSummary next = waiting;
            waiting = null;
            if (next != null) {
                send(next);
            }
        });
    }

    private FloorSummary summaryOf(Tick tick) {
        FloorCounts counts = tick.counts();
        FloorKpis kpis = tick.kpis();
        Map<String, Integer> teamOccupancy = new LinkedHashMap<>();
        for (GroupKpis team : kpis.groups().get(Grouping.TEAM.key())) {
            if (team.occupancy() != null) {
                teamOccupancy.put(team.key(), percent(team.occupancy()));
            }
        }
        Map<String, Map<String, FloorSummary.Group>> groups = new LinkedHashMap<>();
        for (Grouping grouping : List.of(Grouping.BUSINESS_LINE, Grouping.CUSTOMER_TIER, Grouping.SKILL_TIER)) {
            Map<String, FloorSummary.Group> byKey = new LinkedHashMap<>();
            for (GroupKpis group : kpis.groups().getOrDefault(grouping.key(), List.of())) {
                byKey.put(group.key(), new FloorSummary.Group(group.seats(), group.staffed(), group.ready(), group.busy(),
                        group.wrapUp(), group.notReady(), group.help(),
                        group.occupancy() == null ? null : percent(group.occupancy())));
            }
            groups.put(grouping.key(), byKey);
        }
        List<FloorSummary.Help> help = tick.helpQueue().stream().limit(FloorSummary.MAX_LISTED)
                .map(h -> new FloorSummary.Help(h.seat(), h.agent(), h.team(), h.routedTo(), h.since())).toList();
        List<FloorSummary.AlertItem> alerts = tick.alerts().stream().limit(FloorSummary.MAX_LISTED)
                .map(a -> new FloorSummary.AlertItem(a.id(), a.type(), a.team(), a.seat(), a.text(), a.since())).toList();
        return new FloorSummary(tick.now(), counts.seats(), counts.online(), counts.help(), counts.states(),
                counts.teams(), kpis.floor().occupancy() == null ? null : percent(kpis.floor().occupancy()),
                teamOccupancy, tick.alerts().size(), kpis.floor().staffed(), groups, help, alerts, role.self());
    }

    private static int percent(double fraction) {
        return (int) Math.round(fraction * 100);
    }
}
