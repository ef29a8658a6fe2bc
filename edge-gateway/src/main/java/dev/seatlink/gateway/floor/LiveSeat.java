package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.protocol.AgentState;

/** The mutable record the floor model keeps per seat; never leaves the model (see {@link SeatView}). */
final class LiveSeat {
    SeatSpec spec;
    Boolean online;
    String boot;
    String firmware;
    long offlineSince;
    String agent;
    AgentState state;
    String reason;
    boolean help;
    long helpSince;
    long since;
    long seq;
    /** When events were last given up as lost (gateway clock), 0 if never. */
    long lostEventsAt;
    long bootSeenAt;
    int reconnects;
    long lastEventAt;
    long missing;

    LiveSeat(SeatSpec spec) {
        this.spec = spec;
        this.agent = spec.agent();
    }

    boolean isOnline() {
        return Boolean.TRUE.equals(online);
    }

    /** Whether an agent is signed in at the seat as far as its last report says, connected or not. */
    boolean loggedIn() {
        return state != null && state != AgentState.LOGGED_OUT;
    }

    FleetEntry fleet() {
        return new FleetEntry(spec.seat(), spec.team(), agent, isOnline(), firmware, boot, bootSeenAt, reconnects,
                lastEventAt, missing);
    }

    SeatView view() {
        boolean up = isOnline();
        // state is OFFLINE exactly when the terminal is not connected; a connected terminal whose
        // snapshot has not arrived yet counts as logged out.
        String shown = !up ? SeatView.OFFLINE : state == null ? AgentState.LOGGED_OUT.name() : state.name();
        Long from = up ? (state == null ? null : since) : (online == null ? null : offlineSince);
        boolean raised = up && help;
        return new SeatView(spec.seat(), spec.team(), agent, shown, up ? reason : null, raised, from, up, seq,
                spec.x(), spec.y(), spec.skill(), raised ? helpSince : null);
    }
}
