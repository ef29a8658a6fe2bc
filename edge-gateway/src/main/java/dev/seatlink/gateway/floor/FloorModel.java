package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.calls.CallBook;
import dev.seatlink.gateway.calls.CallRecords;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.CtiEvent;
import dev.seatlink.protocol.Pending;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.SeatStatus;
import java.util.Collection;
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
    private Map<String, LiveSeat> seats = new LinkedHashMap<>();
    // volatile: workers (reports, site checks) read it; everything else runs on the floor's event loop
    private volatile SiteConfig site;
    private final TimeLedger ledger;
    private final CallBook calls;
    private final AlertBook alerts = new AlertBook();
    private final RecentHelpTaken helpTaken = new RecentHelpTaken();
    private final LeftoverSeats leftovers = new LeftoverSeats();
    private AgentDirectory agents = AgentDirectory.EMPTY;
    private Roster roster = Roster.EMPTY;
    /** The roster against the floor as of the last tick. */
    private RosterNow rosterNow = RosterNow.NONE;
    /** The phone system's link, when it is configured and down. */
    private AcdDown acdDown;

    private record AcdDown(String why, long since) {
    }
    private long handsRaised;

    /** An empty floor whose intraday figures start with the shift running at {@code now}. */
    public FloorModel(SiteConfig site, long now) {
        this(site, now, CallRecords.NONE);
    }

    /** @param finishedCalls where each finished phone call goes, for the reports */
    public FloorModel(SiteConfig site, long now, CallRecords finishedCalls) {
        this.site = site;
        site.seats().forEach(spec -> seats.put(spec.seat(), new LiveSeat(spec)));
        ledger = new TimeLedger(site.shifts().startOf(now));
        calls = new CallBook(site.shifts().startOf(now), finishedCalls);
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
            seat.names = agents;
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

    /** A new agent directory (an import, an edit): every seat shows its agent's name from it. */
    public void agents(AgentDirectory directory) {
        agents = directory;
        seats.values().forEach(seat -> {
            seat.names = directory;
            seat.changed();
        });
    }

    /** A new roster (an import): its alerts hold from the next tick. */
    public void roster(Roster next) {
        roster = next;
    }

    public Roster roster() {
        return roster;
    }

    public AgentDirectory agents() {
        return agents;
    }

    /** A terminal's online or offline status, received at {@code rx} (gateway clock). */
    public Applied applyStatus(String seatId, SeatStatus status, long rx) {
        LiveSeat seat = seats.get(seatId);
        return seat == null ? Applied.of(Applied.Effect.UNKNOWN_SEAT)
                : linkChanged(seatId, seat, seat.applyStatus(status, rx));
    }

    /** Tells the ledger whether the seat's time counts on (online) or stopped when it went offline. */
    private Applied linkChanged(String seatId, LiveSeat seat, Applied applied) {
        if (seat.isOnline()) {
            ledger.online(seatId);
        } else if (Boolean.FALSE.equals(seat.online)) {
            ledger.offline(seatId, seat.offlineSince);
        }
        return applied;
    }

    /**
     * The seat did not answer a roll call: shown offline as its Last Will would have (the Will may have died
     * with the broker node the seat was on). A seat never seen, or offline already, is left as it is.
     */
    public Applied unreachable(String seatId, long now) {
        LiveSeat seat = seats.get(seatId);
        if (seat == null || !seat.isOnline() || seat.boot == null) {
            return Applied.of(Applied.Effect.UNCHANGED);
        }
        return linkChanged(seatId, seat, seat.applyStatus(SeatStatus.offline(seat.boot, now), now));
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
                || seat.help != state.help() || seat.since != state.since() || !Objects.equals(seat.agent, state.agent())
                || !Objects.equals(seat.pending, state.pending());
        if (state.help() && !seat.help) {
            seat.helpSince = state.since();
            handsRaised++;
        }
        seat.seq = state.seq();
        set(seat, state.agent(), state.state(), state.reason(), state.help(), state.since(), state.pending());
        calls.seatIs(seatId, state.state(), state.since()); // a snapshot may come before its event
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
            handsRaised++;
        }
        ledger.record(event);
        boolean helpOnly = seat.state == event.to() && event.from() == event.to()
                && Objects.equals(seat.reason, event.reason());
        seat.seq = event.seq();
        set(seat, event.agent(), event.to(), event.reason(), event.help(), helpOnly ? seat.since : event.at(),
                event.pending());
        calls.seatIs(seatId, event.to(), event.at());
        return new Applied(Applied.Effect.CHANGED, missing, !seat.isOnline());
    }

    private static void set(LiveSeat seat, String agent, AgentState state, String reason, boolean help, long since,
                            Pending pending) {
        seat.agent = agent;
        seat.state = state;
        seat.reason = reason;
        seat.pending = pending;
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

    /**
     * The seats whose queue pause at the phone system differs from their state, with since when; every other seat
     * is in step.
     */
    public void acdOutOfStep(Map<String, Long> since) {
        seats.values().forEach(seat -> seat.acdOutOfStepSince = since.getOrDefault(seat.spec.seat(), 0L));
    }

    /** The link to the phone system is down since {@code since} (why), or up again ({@code why} null). */
    public void acdLink(String why, long since) {
        acdDown = why == null ? null : new AcdDown(why, since);
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
            set(seat, last.agent(), last.to(), last.reason(), last.help(), last.at(), last.pending());
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
    public List<AgentTime> agentTimes(long now, Collection<String> seatIds) {
        rollShift(now);
        return ledger.figuresOf(now, seatIds);
    }

    private void rollShift(long now) {
        long shiftStart = site.shifts().startOf(now);
        if (shiftStart > ledger.windowStart()) {
            ledger.restart(shiftStart);
        }
        calls.restart(shiftStart);
    }

    /** A phone event for a seat, taken at {@code now}: counted for the agent at the seat now. */
    public void callHeard(String seatId, CtiEvent event, long now) {
        LiveSeat seat = seats.get(seatId);
        if (seat != null) {
            if (event.type() == CallEventType.CALL_ENDED && seat.state == AgentState.BUSY) {
                calls.answeredUnheard(seatId, event.callId(), seat.since); // a call from before the gateway started
            }
            calls.heard(seat.spec, seat.agent, event, now);
        }
    }

    /** The shift's call figures so far. */
    public CallBook calls() {
        return calls;
    }

    /** The raised hands, longest waiting first, with where each is routed. */
    public List<HelpRequest> helpQueue(long now) {
        return HelpQueue.of(site, seats(), now);
    }

    /**
     * Re-evaluates the alert conditions.
     *
     * @param gapsOpen seats with events the gateway has waited for long enough to say so ({@code FloorUpdater.gapsOverdue})
     * @return what was raised and cleared
     */
    public List<AlertChange> updateAlerts(FloorKpis kpis, Set<String> gapsOpen, long now) {
        List<Alert> holding = new java.util.ArrayList<>(Alerts.holding(site, seats.values(),
                kpis.groups().get(Grouping.TEAM.key()), gapsOpen, now));
        rosterNow = RosterNow.of(roster, agents, seats.values(), site.teams(), now);
        holding.addAll(rosterNow.alerts());
        if (acdDown != null) {
            holding.add(new Alert(Alert.ACD_DOWN, Alert.ACD_DOWN, null, null, null, "the phone system's link is down ("
                    + acdDown.why() + "): seats work from their buttons, queue pauses wait", acdDown.since()));
        }
        return alerts.update(holding, now);
    }

    /** Per team, the agents the roster has working as of the last tick; empty without a roster. */
    public Map<String, Integer> scheduledNow() {
        return rosterNow.scheduledByTeam();
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
        helpTaken.add(new HelpTaken(seatId, seat == null ? null : seat.agent, by, raisedAt, at));
    }

    /** The hands supervisors took lately, newest first. */
    public List<HelpTaken> helpTaken() {
        return helpTaken.newestFirst();
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

    /** How many times a hand went up since start: a change means the floor's summary should go out soon. */
    public long handsRaised() {
        return handsRaised;
    }

    /** Seats heard from that the site config does not (or no longer) list. */
    public LeftoverSeats leftovers() {
        return leftovers;
    }

    /** The seats the agent is signed in at now (one, unless a badge or a button just moved them). */
    public List<SeatView> seatsSignedInBy(String agent) {
        return seats.values().stream().filter(seat -> agent.equals(seat.agent)).map(LiveSeat::view)
                .filter(SeatView::signedIn).toList();
    }

    /** Every seat, in seat-map order. */
    public List<SeatView> seats() {
        return seats.values().stream().map(LiveSeat::view).toList();
    }

    public FloorCounts counts() {
        return FloorCounts.of(site, seats());
    }
}
