package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.site.SeatMap;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.SeatStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The live state of every seat on the floor, built only from the messages applied to it. Pure and
 * single-threaded: the gateway calls it from one event-loop context.
 *
 * <p>Rules from the contract: events are identified by {@code (seat, seq)}; one at or below the
 * last applied seq is a duplicate and dropped, one beyond the next expected opens a gap (counted,
 * applied). A state snapshot older than what was applied is ignored. OFFLINE comes from
 * {@code status}; an offline status from an older boot is a late Last Will and ignored. Data from
 * a seat whose status was never seen asks for a rebirth.
 */
public final class FloorModel {
    private final Map<String, LiveSeat> seats = new LinkedHashMap<>();
    private final List<String> teams;

    public FloorModel(SeatMap map) {
        map.seats().forEach(spec -> seats.put(spec.seat(), new LiveSeat(spec)));
        teams = map.teams().stream().map(t -> t.id()).toList();
    }

    /** A terminal's online or offline status, received at {@code rx} (gateway clock). */
    public Applied applyStatus(String seatId, SeatStatus status, long rx) {
        LiveSeat seat = seats.get(seatId);
        if (seat == null) {
            return Applied.of(Applied.Effect.UNKNOWN_SEAT);
        }
        if (!status.online()) {
            if (seat.boot != null && !seat.boot.equals(status.boot())) {
                return Applied.of(Applied.Effect.STALE_WILL);
            }
            boolean wasOnline = !Boolean.FALSE.equals(seat.online);
            seat.online = false;
            seat.boot = status.boot();
            if (wasOnline) {
                seat.offlineSince = rx;
            }
            return Applied.of(wasOnline ? Applied.Effect.CHANGED : Applied.Effect.UNCHANGED);
        }
        boolean changed = !seat.isOnline();
        seat.online = true;
        seat.boot = status.boot();
        seat.firmware = status.fw();
        return Applied.of(changed ? Applied.Effect.CHANGED : Applied.Effect.UNCHANGED);
    }

    /** A retained state snapshot. */
    public Applied applyState(String seatId, SeatState state) {
        LiveSeat seat = seats.get(seatId);
        if (seat == null) {
            return Applied.of(Applied.Effect.UNKNOWN_SEAT);
        }
        if (state.seq() < seat.seq) {
            return Applied.of(Applied.Effect.STALE_STATE);
        }
        boolean changed = seat.state != state.state() || !Objects.equals(seat.reason, state.reason())
                || seat.help != state.help() || seat.since != state.since() || !Objects.equals(seat.agent, state.agent());
        seat.seq = state.seq();
        set(seat, state.agent(), state.state(), state.reason(), state.help(), state.since());
        return new Applied(changed ? Applied.Effect.CHANGED : Applied.Effect.UNCHANGED, 0, seat.online == null);
    }

    /** One transition. */
    public Applied applyEvent(String seatId, SeatEvent event) {
        LiveSeat seat = seats.get(seatId);
        if (seat == null) {
            return Applied.of(Applied.Effect.UNKNOWN_SEAT);
        }
        if (event.seq() <= seat.seq) {
            return Applied.of(Applied.Effect.DUPLICATE);
        }
        long missing = seat.seq == 0 ? 0 : event.seq() - seat.seq - 1;
        boolean helpOnly = seat.state == event.to() && event.from() == event.to()
                && Objects.equals(seat.reason, event.reason());
        seat.seq = event.seq();
        set(seat, event.agent(), event.to(), event.reason(), event.help(), helpOnly ? seat.since : event.at());
        return new Applied(Applied.Effect.CHANGED, missing, seat.online == null);
    }

    private static void set(LiveSeat seat, String agent, AgentState state, String reason, boolean help, long since) {
        seat.agent = agent;
        seat.state = state;
        seat.reason = reason;
        seat.help = help;
        seat.since = since;
    }

    /** Rebuilds a seat from its last stored event after a restart; whether it is online comes with its status. */
    public void restore(SeatEvent last) {
        LiveSeat seat = seats.get(last.seat());
        if (seat != null && last.seq() > seat.seq) {
            seat.seq = last.seq();
            set(seat, last.agent(), last.to(), last.reason(), last.help(), last.at());
        }
    }

    public Optional<SeatView> seat(String seatId) {
        return Optional.ofNullable(seats.get(seatId)).map(LiveSeat::view);
    }

    public boolean knows(String seatId) {
        return seats.containsKey(seatId);
    }

    /** Every seat, in seat-map order. */
    public List<SeatView> seats() {
        return seats.values().stream().map(LiveSeat::view).toList();
    }

    public FloorCounts counts() {
        Map<String, Integer> states = emptyCounts();
        Map<String, Map<String, Integer>> perTeam = new LinkedHashMap<>();
        teams.forEach(team -> perTeam.put(team, emptyCounts()));
        int online = 0;
        int help = 0;
        for (LiveSeat seat : seats.values()) {
            SeatView view = seat.view();
            states.merge(view.state(), 1, Integer::sum);
            perTeam.get(view.team()).merge(view.state(), 1, Integer::sum);
            online += view.online() ? 1 : 0;
            help += view.help() ? 1 : 0;
        }
        return new FloorCounts(seats.size(), online, help, states, perTeam);
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AgentState state : AgentState.values()) {
            counts.put(state.name(), 0);
        }
        counts.put(SeatView.OFFLINE, 0);
        return counts;
    }
}
