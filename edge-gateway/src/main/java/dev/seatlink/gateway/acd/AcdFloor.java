package dev.seatlink.gateway.acd;

import dev.seatlink.gateway.cti.CtiIntake;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.CtiEvent;
import java.util.List;

/**
 * What the floor does with what the phone system's link says, on the floor's loop: its events go in like any CTI
 * event, its member list after a (re)connect is what the pauses reconcile from, and a link that is down is an
 * alert (the seats work on from their buttons).
 */
public final class AcdFloor implements AcdListener {
    private final FloorModel floor;
    private final CtiIntake intake;
    private final QueuePauses pauses;
    private final QueueMembership membership;
    private final FloorClock clock;
    private boolean down;

    public AcdFloor(FloorModel floor, CtiIntake intake, QueuePauses pauses, QueueMembership membership,
                    FloorClock clock) {
        this.floor = floor;
        this.membership = membership;
        this.intake = intake;
        this.pauses = pauses;
        this.clock = clock;
    }

    @Override
    public void connected(List<MemberPause> members, java.util.Map<String, java.util.Set<String>> queues) {
        pauses.reconciled(members);
        membership.reconciled(queues);
        down = false;
        floor.acdLink(null, 0);
    }

    @Override
    public void event(CtiEvent event) {
        // The echo of a sign-out SeatLink made can reach the seat after the agent signed in again (a quick press
        // of Ready) and would sign it out once more: the seat is already signed out by its own button.
        if (event.type() == CallEventType.AGENT_LOGOUT && membership.tookOut(event.agent())) {
            return;
        }
        intake.heard(event);
    }

    @Override
    public void membership(String member, String queue, boolean joined, boolean paused) {
        if (joined) {
            membership.joined(member, queue);
            if (!paused) { // added unpaused (a paused one's reason comes with its QueueMemberPause)
                pauses.reported(MemberPause.unpaused(member));
            }
        } else {
            membership.left(member, queue);
        }
    }

    @Override
    public void down(String why) {
        pauses.forget();
        membership.forget();
        if (!down) { // the alert keeps the time it went down
            down = true;
            floor.acdLink(why, clock.millis());
        }
    }
}
