package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.SeatStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
    static final int KEPT_HELP_TAKEN = 50;

    private Map<String, LiveSeat> seats = new LinkedHashMap<>();
    // volatile: the broker link reads it from its own thread when it (re)connects; all else runs on one context
    private volatile SiteConfig site;
    private final TimeLedger ledger;
    private final AlertBook alerts = new AlertBook();
    private final Deque<HelpTaken> helpTaken = new ArrayDeque<>();

    /** An empty floor whose intraday figures start with the shift running at {@code now}. */
    public FloorModel(SiteConfig site, long now) {
        this.site = site;
        site.seats().forEach(spec -> seats.put(spec.seat(), new LiveSeat(spec)));
        ledger = new TimeLedger(site.shifts().startOf(now));
    }

    public SiteConfig site() {
        return site;
    }

    /**
     * An edited site config: seats keep what they are doing, new seats start unknown, removed ones go;
     * the shift's figures carry on.
     */
    public void reconfigure(SiteConfig next) {
        Map<String, LiveSeat> rebuilt = new LinkedHashMap<>();
        for (SeatSpec spec : next.seats()) {
            LiveSeat seat = seats.getOrDefault(spec.seat(), new LiveSeat(spec));
            if (seat.agent == null || Objects.equals(seat.agent, seat.spec.agent())) {
                seat.agent = spec.agent(); // the seat map's agent, unless the terminal reported another
            }
            seat.spec = spec;
            seat.changed();
            rebuilt.put(spec.seat(), seat);
        }
        seats = rebuilt;
        site = next;
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
            seat.changed();
            return Applied.of(wasOnline ? Applied.Effect.CHANGED : Applied.Effect.UNCHANGED);
        }
        boolean changed = !seat.isOnline();
        if (changed) {
            seat.reconnects++;
        }
        if (!status.boot().equals(seat.boot) || seat.bootSeenAt == 0) {
            seat.bootSeenAt = rx;
        }
        if (seat.boot != null && !status.boot().equals(seat.boot)) {
            // A process's boot id is new at every start and never comes back: one that does is a second
            // terminal configured with this seat's id, the two knocking each other off the broker.
            if (status.boot().equals(seat.previousBoot)) {
                seat.duplicateSeenAt = rx;
            }
            seat.previousBoot = seat.boot;
        }
        seat.online = true;
        seat.boot = status.boot();
        seat.firmware = status.fw();
        seat.disk = status.disk();
        seat.changed();
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
        if (state.help() && !seat.help) {
            seat.helpSince = state.since();
        }
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
        if (missing > 0) {
            seat.lostEventsAt = event.at();
            seat.missing += missing;
        }
        seat.lastEventAt = event.at();
        seat.behindSince = 0;
        if (event.help() && !seat.help) {
            seat.helpSince = event.at();
        }
        ledger.record(event);
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
        seat.changed();
    }

    /** A message from the seat was refused as a seq jump: flagged on the wallboard for a while. */
    public void seqJumped(String seatId, long now) {
        LiveSeat seat = seats.get(seatId);
        if (seat != null) {
            seat.seqJumpAt = now;
        }
    }

    /** The seat's terminal restarted below the floor's seq: flagged until one of its events is applied. */
    public void restartedBehind(String seatId, long now) {
        LiveSeat seat = seats.get(seatId);
        if (seat != null && seat.behindSince == 0) {
            seat.behindSince = now;
        }
    }

    /** Rebuilds a seat from its last stored event after a restart; whether it is online comes with its status. */
    public void restore(SeatEvent last) {
        LiveSeat seat = seats.get(last.seat());
        if (seat != null && last.seq() > seat.seq) {
            seat.seq = last.seq();
            seat.helpSince = last.at();
            set(seat, last.agent(), last.to(), last.reason(), last.help(), last.at());
        }
    }

    /** After a restart: the stored events of the shift so far (and each seat's last one before it), in seq order. */
    public void replayShift(List<SeatEvent> events) {
        events.forEach(ledger::record);
    }

    /** The floor's KPIs now; the intraday figures restart when a new shift has begun. */
    public FloorKpis kpis(long now) {
        return kpiInputs(now).compute();
    }

    /** What {@link #kpis} computes from, to compute it elsewhere (see {@link KpiInputs}). */
    public KpiInputs kpiInputs(long now) {
        rollShift(now);
        return new KpiInputs(site, seats(), ledger.handlingBySeat(now), ledger.windowStart(), now);
    }

    /** Every agent's figures since the shift started: time per state, contacts, help. */
    public List<AgentTime> agentTimes(long now) {
        rollShift(now);
        return ledger.figuresAt(now);
    }

    /** The figures of the agents at {@code seatIds} only (a team's view): none for no seats. */
    public List<AgentTime> agentTimes(long now, Set<String> seatIds) {
        rollShift(now);
        return ledger.figuresAt(now, seatIds::contains);
    }

    private void rollShift(long now) {
        long shiftStart = site.shifts().startOf(now);
        if (shiftStart > ledger.windowStart()) {
            ledger.restart(shiftStart);
        }
    }

    /** The raised hands, longest waiting first, with where each is routed. */
    public List<HelpRequest> helpQueue(long now) {
        return HelpQueue.of(site, seats(), now);
    }

    /**
     * Re-evaluates the alert conditions.
     *
     * @param gapsOpen seats with events the gateway is still waiting for
     * @return what was raised and cleared
     */
    public List<AlertChange> updateAlerts(FloorKpis kpis, Set<String> gapsOpen, long now) {
        return alerts.update(Alerts.holding(site, seats.values(), kpis.groups().get(Grouping.TEAM.key()), gapsOpen, now), now);
    }

    public List<Alert> alerts() {
        return alerts.active();
    }

    public List<AlertChange> recentAlerts() {
        return alerts.recent();
    }

    /** A supervisor's ack-help was carried out by the seat: who took the hand, and when. */
    public void helpTaken(String seatId, String by, long raisedAt, long at) {
        LiveSeat seat = seats.get(seatId);
        helpTaken.addFirst(new HelpTaken(seatId, seat == null ? null : seat.agent, by, raisedAt, at));
        if (helpTaken.size() > KEPT_HELP_TAKEN) {
            helpTaken.removeLast();
        }
    }

    /** The hands supervisors took lately, newest first. */
    public List<HelpTaken> helpTaken() {
        return List.copyOf(helpTaken);
    }

    public Optional<SeatView> seat(String seatId) {
        return Optional.ofNullable(seats.get(seatId)).map(LiveSeat::view);
    }

    public boolean knows(String seatId) {
        return seats.containsKey(seatId);
    }

    /** Every seat's terminal for the fleet view, in site-config order. */
    public List<FleetEntry> fleet() {
        return seats.values().stream().map(LiveSeat::fleet).toList();
    }

    /** Every seat, in seat-map order. */
    public List<SeatView> seats() {
        return seats.values().stream().map(LiveSeat::view).toList();
    }

    public FloorCounts counts() {
        Map<String, Integer> states = emptyCounts();
        Map<String, Map<String, Integer>> perTeam = new LinkedHashMap<>();
        site.teams().forEach(team -> perTeam.put(team.id(), emptyCounts()));
        int online = 0;
        int help = 0;
        for (LiveSeat seat : seats.values()) {
            String shown = seat.shownState();
            states.merge(shown, 1, Integer::sum);
            perTeam.get(seat.spec.team()).merge(shown, 1, Integer::sum);
            online += seat.isOnline() ? 1 : 0;
            help += seat.showsHelp() ? 1 : 0;
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
