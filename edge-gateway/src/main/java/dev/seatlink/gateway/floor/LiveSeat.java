package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.protocol.AgentState;

/** The mutable record the floor model keeps per seat; never leaves the model (see {@link SeatView}). */
final class LiveSeat {
    final SeatSpec spec;
    Boolean online;
    String boot;
    String firmware;
    long offlineSince;
    String agent;
    AgentState state;
    String reason;
    boolean help;
    long since;
    long seq;

    LiveSeat(SeatSpec spec) {
        this.spec = spec;
        this.agent = spec.agent();
    }

    boolean isOnline() {
        return Boolean.TRUE.equals(online);
    }

    SeatView view() {
        boolean up = isOnline();
        // state is OFFLINE exactly when the terminal is not connected; a connected terminal whose
        // snapshot has not arrived yet counts as logged out.
        String shown = !up ? SeatView.OFFLINE : state == null ? AgentState.LOGGED_OUT.name() : state.name();
        Long from = up ? (state == null ? null : since) : (online == null ? null : offlineSince);
        return new SeatView(spec.seat(), spec.team(), agent, shown, up ? reason : null, up && help, from, up, seq,
                spec.x(), spec.y());
    }
}
