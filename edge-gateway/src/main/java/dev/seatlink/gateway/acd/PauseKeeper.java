package dev.seatlink.gateway.acd;

import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.SeatView;
import dev.seatlink.gateway.jobs.PeriodicJob;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.protocol.AgentState;
import java.util.HashMap;
import java.util.Map;

/**
 * Every {@value #PERIOD_MS} ms, on the floor's loop: each seat on the phone system compared with its member's
 * pause at the ACD ({@link QueuePauses}) and, for a team that takes signed-out agents out of the queues, its
 * membership ({@link QueueMembership}); the changes due sent, and the seats out of step shown (an alert after
 * 5 s). Only the primary sends, and only while the link is up.
 */
public final class PauseKeeper implements PeriodicJob {
    static final long PERIOD_MS = 250;

    private final FloorModel floor;
    private final QueuePauses pauses;
    private final QueueMembership membership;
    private final AcdLink link;
    private final GatewayRole role;
    private final FloorClock clock;
    private final Metrics metrics;

    public PauseKeeper(FloorModel floor, QueuePauses pauses, QueueMembership membership, AcdLink link,
                       GatewayRole role, FloorClock clock, Metrics metrics) {
        this.metrics = metrics;
        this.membership = membership;
        this.floor = floor;
        this.pauses = pauses;
        this.link = link;
        this.role = role;
        this.clock = clock;
    }

    @Override
    public long periodMs() {
        return PERIOD_MS;
    }

    @Override
    public void run() {
        if (!link.isUp() || role.role() != Role.PRIMARY) {
            floor.acdOutOfStep(Map.of());
            metrics.acdOutOfStep(0, 0);
            return;
        }
        Map<String, MemberPause> wanted = new HashMap<>();
        Map<String, QueueMembership.Want> members = new HashMap<>();
        for (SeatView seat : floor.seats()) {
            SeatSpec spec = floor.site().seatsById().get(seat.seat());
            if (spec == null || !spec.onThePhoneSystem()) {
                continue;
            }
            String member = spec.acd().get(0);
            boolean removes = floor.site().teamOf(spec).removeOnSignOut();
            boolean signedOut = seat.online() && AgentState.LOGGED_OUT.name().equals(seat.state());
            if (removes && seat.online()) {
                members.put(seat.seat(), new QueueMembership.Want(member, !signedOut));
            }
            wanted.put(seat.seat(), removes && signedOut ? null : QueuePauses.wanted(member, seat));
        }
        long now = clock.millis();
        membership.due(members, now).forEach(change -> link.member(change.member(), change.add(), change.queues()));
        pauses.due(wanted, now).forEach(action -> {
            link.pause(action.pause());
            metrics.acdPauseSent();
        });
        Map<String, Long> outOfStep = new HashMap<>(pauses.outOfStep());
        membership.outOfStep().forEach((seat, since) -> outOfStep.merge(seat, since, Math::min));
        floor.acdOutOfStep(outOfStep);
        metrics.acdOutOfStep(outOfStep.size(), outOfStep.values().stream().mapToLong(since -> now - since).max()
                .orElse(0));
    }
}
