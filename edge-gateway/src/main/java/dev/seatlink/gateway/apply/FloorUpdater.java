package dev.seatlink.gateway.apply;

import dev.seatlink.gateway.floor.Applied;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.SeatView;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.link.RejectLog;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.CommandResult;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.RejectReason;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.SeatStatus;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tinylog.Logger;

/**
 * Applies valid messages to the {@link FloorModel} and reports what changed. Runs on the one
 * context that owns the model. Events pass through a {@link Reorderer} first, so gaps are waited
 * for, replayed or, in the end, given up on. Asks a seat for a rebirth when it sends data before any
 * status or while shown offline, and when it is said offline (a seat that is there answers a Last Will delivered
 * late), at most once per {@link #REBIRTH_INTERVAL_MS} per seat.
 *
 * <p>Two guards keep one seat's bad sequence from blinding it: an event or snapshot more than
 * {@link #MAX_SEQ_JUMP} beyond the seat's last applied seq is refused ({@code seq_jump}) and the seat asked
 * to replay what it really has, unless {@link JumpRuns#RUN} events in a row show a real stream whose gap
 * can no longer be filled; and a new boot that restarts below what the floor holds (a replaced Pi, a
 * lost data directory) is sent its config with {@code lastSeq}, so it continues above it.
 */
public final class FloorUpdater {
    static final long REBIRTH_INTERVAL_MS = 30_000;
    /**
     * The furthest an event may run ahead of the seat's last applied seq. A terminal hands out seqs one by
     * one and its journal sends them in order, so a real stream only jumps by what the broker dropped;
     * the replay asked for then fills that gap in order.
     */
    public static final long MAX_SEQ_JUMP = 500;
    static final long ANSWERS_LATE_MS = 60_000;
    /**
     * A gateway follows each ask of its partner's roll calls it hears ({@link RollCall#follow}), so each of a pair
     * finds the seats that died with a node. When it hears seats answer a call of the partner's whose asks it did not
     * hear (its link was down), it joins that call once, asking every seat itself; a join sets no roll call off in
     * turn ({@link RollCall#join}). An older partner's asks do not say which roll call they belong to: then it joins
     * unless it called or followed one this recently.
     */
    static final long JOIN_QUIET_MS = 60_000;
    /** A seat's events missing this long are an alert ({@link #gapsOverdue}). */
    public static final long GAP_ALERT_AFTER_MS = 5_000;

    private final FloorModel floor;
    private final Metrics metrics;
    private final RejectLog rejectLog;
    private final SeatChanges onChange;
    private final SeatOutbox outbox;
    private final CommandAnswers answers;
    private final FloorClock clock;
    /** A standby's roll calls let the primary ask first ({@link RollCall#follow}). */
    private final GatewayRole role;
    private final Reorderer reorderer;
    private final SeatProgress applied;
    private final SeatPace rebirths = new SeatPace(REBIRTH_INTERVAL_MS);
    private final SeatNewsLog news = new SeatNewsLog();
    /**
     * Seats asked for a rebirth and not yet heard saying online, with when: their next online status is the
     * answer (maybe a late one, on a busy cluster), not a move to another node; the one after that is a move.
     * Keys are seats of the site config.
     */
    private final java.util.Map<String, Long> answerDue = new java.util.HashMap<>();
    /** A standby's single rebirths, held so the primary asks first ({@link #requestRebirth}); keys are site seats. */
    private final Map<String, HeldRebirth> heldRebirths = new LinkedHashMap<>();
    private final SeqGuards guards;
    private final JumpRuns jumpRuns = new JumpRuns();
    private final RollCall rollCall = new RollCall();
    private final ReplayIds replayIds = new ReplayIds();
    /** Online statuses of seats a roll call shows offline, held until the seat answers (keys: site-config seats). */
    private final java.util.Map<String, SeatStatus> unconfirmed = new java.util.HashMap<>();
    private final SeatMoves moves = new SeatMoves();

    /** Why a single rebirth is asked, and when the standby asks it unless the primary did. */
    private record HeldRebirth(String why, long askAt) {
    }

    public FloorUpdater(FloorModel floor, SeatProgress applied, Metrics metrics, RejectLog rejectLog,
                        SeatChanges onChange, SeatOutbox outbox, CommandAnswers answers, FloorClock clock,
                        GatewayRole role, long reorderTimeoutMs) {
        this.answers = answers;
        this.role = role;
        this.applied = applied;
        this.reorderer = new Reorderer(reorderTimeoutMs);
        this.floor = floor;
        this.metrics = metrics;
        this.rejectLog = rejectLog;
        this.onChange = onChange;
        this.outbox = outbox;
        this.clock = clock;
        this.guards = new SeqGuards(floor, applied, metrics, rejectLog, outbox, clock, replayIds);
    }

    /** A message the seat sent now (not a retained one the broker handed over on subscribing). */
    public void apply(Decoded.Accepted message, long rx) {
        apply(message, rx, false);
    }

    /**
     * @param retained the broker handed it over as the topic's retained message when the gateway (re)subscribed:
     *                 applied like any other, but it is what the seat said last, not the seat speaking now — no
     *                 answer to a roll call and no sign of the seat moving nodes
     */
    public void apply(Decoded.Accepted message, long rx, boolean retained) {
        String seat = message.topic().seat();
        if (!floor.knows(seat)) { // still refused below; remembered for the fleet view's leftovers
            floor.leftovers().heard(seat, message.topic().kind(),
                    message.message() instanceof SeatStatus status ? status.online() : null, rx);
        }
        if (!retained) {
            rollCall.spoke(seat); // shown offline by a roll call, it speaks: asked again, shown online if it answers
        }
        if (message.message() instanceof SeatEvent event) {
            if (!floor.knows(seat)) {
                unknownSeat(seat);
                return;
            }
            if (guards.jumpsTooFar(seat, event.seq())) {
                List<SeatEvent> run = jumpRuns.offer(event);
                if (run.isEmpty()) {
                    guards.refuseJump(seat, event.seq(), "event");
                    return;
                }
                Logger.warn("seat {}: {} events in a row from seq {}, {} beyond the last applied {}: taken as the seat's "
                        + "real stream after events lost for good", seat, run.size(), run.get(0).seq(),
                        run.get(0).seq() - lastApplied(seat), lastApplied(seat));
                run.forEach(taken -> offer(taken, rx));
                return;
            }
            guards.checkBehind(seat, event);
            offer(event, rx);
            return;
        }
        Applied outcome;
        if (message.message() instanceof SeatState state) {
            if (floor.knows(seat) && guards.jumpsTooFar(seat, state.seq())) {
                guards.refuseJump(seat, state.seq(), "state");
                return;
            }
            outcome = floor.applyState(seat, state);
            if (outcome.effect() != Applied.Effect.UNKNOWN_SEAT) {
                countGaps(() -> reorderer.expect(seat, state.seq(), lastApplied(seat), clock.millis()));
            }
        } else if (message.message() instanceof SeatStatus status) {
            if (!retained && status.rebirth() != null) {
                // it says what it answers: its next plain greeting (a reconnect, a node's death) is no answer
                answerDue.remove(seat);
                if (rollCall.answered(seat, status.rebirth())) {
                    cameBack(seat); // this status, newer than any held, is the one to show
                } else if (rollCall.joinsPartnersCall(status.rebirth(), JOIN_QUIET_MS, clock.millis())) {
                    // Its asks were not heard here (the link was down), so they cannot be followed: only asks of
                    // its own find the seats that do not answer (a seat that died with its node left no Last Will,
                    // and the partner's verdict on it is not heard here).
                    Logger.warn("the other gateway of the floor is calling the roll (seat {} answered its rebirth): "
                            + "calling it here too", seat);
                    rollCall.join(seatIds(), clock.millis());
                }
            }
            if (status.online() && rollCall.gaveUp(seat)) {
                // maybe sent before the seat died with its node and delivered only now: shown once the seat answers
                unconfirmed.merge(seat, status, (held, next) -> next.ts() >= held.ts() ? next : held);
                return;
            }
            boolean wasOnline = floor.seat(seat).map(SeatView::online).orElse(false);
            outcome = floor.applyStatus(seat, status, rx);
            if (!retained && status.online() && status.rebirth() == null) {
                // it greets on a (re)connect: it missed what was asked meanwhile, a roll call's ask too (a greeting
                // a dead seat's node held and delivers late is asked again too: it cannot answer, and is shown
                // offline one deadline later; the very status handed over again asks nothing)
                reorderer.chaseAgain(seat, clock.millis());
                if (outcome.effect() != Applied.Effect.REDELIVERED_STATUS) {
                    rollCall.greeted(seat, clock.millis());
                }
            }
            if (!status.online()) {
                rollCall.wentOffline(seat);
                unconfirmed.remove(seat);
            }
            if (!retained && outcome.effect() != Applied.Effect.REDELIVERED_STATUS) {
                // a status answering a rebirth (this gateway's or its partner's) is no move; older terminals do not
                // say so, and their first status after this gateway's ask is taken for the answer
                if (status.online() && status.rebirth() == null && !isAnswer(seat, rx) && wasOnline
                        && moves.moved(rx, floor.site().seats().size())) {
                    // either gateway of a pair: each keeps its own view true (rebirths are harmless to repeat)
                    Logger.warn("seats are reconnecting through other broker nodes: a node may have died with their "
                            + "Last Wills");
                    startRollCall();
                }
            }
            if (!status.online() && outcome.effect() == Applied.Effect.CHANGED) {
                // The retained config then holds the seat's latest seq for whatever terminal comes next.
                outbox.config(seat);
                if (!retained) {
                    // A Last Will can come after the seat reconnected, on a cluster through another node (seen: a
                    // live seat shown offline for over a minute after a node's kill): a seat that is there answers.
                    requestRebirth(seat, "said offline: a Last Will may come late");
                }
            }
        } else if (message.message() instanceof CommandResult result) {
            if (!floor.knows(seat)) {
                unknownSeat(seat);
                return;
            }
            if (!result.ok()) {
                Logger.warn("seat {} refused command {}: {}", seat, result.id(), result.error());
            }
            if (rollCall.answered(seat, result.id())) {
                SeatStatus held = cameBack(seat);
                if (held != null) { // its answer to the rebirth may also still be on the way, and is applied as it comes
                    report(seat, floor.applyStatus(seat, held, rx));
                }
            }
            answers.answered(seat, result);
            return;
        } else {
            return;
        }
        report(seat, outcome);
    }

    public long lastApplied(String seat) {
        return applied.lastApplied(seat);
    }

    private void offer(SeatEvent event, long rx) {
        countGaps(() -> reorderer.offer(event, lastApplied(event.seat()), clock.millis())
                .forEach(ready -> applyEvent(ready, rx)));
    }

    /** After a restart: the seat's last stored event, where its event sequence continues. */
    public void restore(SeatEvent lastStored) {
        applied.applied(lastStored.seat(), lastStored.seq(), lastStored.boot(), lastStored.at());
    }

    private void countGaps(Runnable work) {
        long opened = reorderer.gapsOpened();
        long filled = reorderer.gapsFilled();
        work.run();
        metrics.gapsOpened(reorderer.gapsOpened() - opened);
        metrics.gapsFilled(reorderer.gapsFilled() - filled);
    }

    private void applyEvent(SeatEvent event, long rx) {
        if (event.seq() > lastApplied(event.seat())) {
            applied.applied(event.seat(), event.seq(), event.boot(), event.at());
        }
        Applied outcome = floor.applyEvent(event.seat(), event);
        if (outcome.changed()) {
            metrics.eventApplied(outcome.missing(), rx - event.at());
        }
        if (outcome.missing() > 0) {
            Logger.warn("seat {}: {} event(s) before seq {} never arrived", event.seat(), outcome.missing(), event.seq());
        }
        report(event.seat(), outcome);
    }

    private void report(String seat, Applied outcome) {
        switch (outcome.effect()) {
            case UNKNOWN_SEAT -> unknownSeat(seat);
            case DUPLICATE -> metrics.duplicate();
            case STALE_STATE -> metrics.staleState();
            case STALE_WILL -> metrics.staleWill();
            case REDELIVERED_STATUS -> metrics.redeliveredStatus();
            case CHANGED -> floor.seat(seat).ifPresent(onChange::seatChanged);
            case UNCHANGED -> { }
        }
        if (outcome.rebirth()) {
            requestRebirth(seat, "sent data while not shown online");
        }
    }

    /**
     * Seats whose events the gateway has waited for at least {@link #GAP_ALERT_AFTER_MS}: an alert for each. Most gaps
     * close within the reorder timeout or with the replay it asks for — a cluster delivers some events out of order,
     * and a gateway starting on a running floor opened one for most seats, raising and clearing as many alerts in 2 s.
     */
    public Set<String> gapsOverdue(long now) {
        return reorderer.seatsWithGapsOpenSince(now - GAP_ALERT_AFTER_MS);
    }

    /** Advances the reorder timers: asks for replays and rebirths, releases what waited too long. */
    public void tick() {
        long now = clock.millis();
        Reorderer.Tick tick = reorderer.tick(now, this::lastApplied);
        for (Reorderer.Request request : tick.requests()) {
            try {
                ask(request, now);
            } catch (RuntimeException e) {
                // one seat's trouble must not cost the other seats their replays
                Logger.error(e, "seat {}: cannot ask for its missing events", request.seat());
            }
        }
        tick.released().forEach(event -> applyEvent(event, now));
        askHeldRebirths(now);
        callRoll(now);
        news.lines().forEach(line -> Logger.info(line));
    }

    /**
     * Asks every seat for a rebirth, paced ({@link RollCall}), when seats' Last Wills may have died with a
     * broker node: the primary after it takes the floor, and either gateway after its link comes back and when
     * seats are seen moving to other nodes ({@link SeatMoves}). A standby's waits for the primary's asks first.
     */
    public void startRollCall() {
        rollCall.start(seatIds(), clock.millis(), partnerFirst());
        Logger.info("roll call: asking every seat for a rebirth, {} a second{}", RollCall.PER_SECOND, holding());
    }

    /** Whether {@code commandId} is a {@code replay} this gateway asked (heard back on the seat's commands). */
    public boolean askedReplay(String commandId) {
        return replayIds.isOwn(commandId);
    }

    /**
     * A gateway of the floor asked {@code seat} for a rebirth (heard on the seats' commands). The seat's answer
     * reaches this gateway too: an ask of the partner's roll call is followed ({@link RollCall#follow}), and any ask
     * of the partner's, single ones too, takes this gateway's own single rebirth of the seat for {@link
     * #REBIRTH_INTERVAL_MS} ms — one the standby holds meanwhile is not sent.
     */
    public void partnerAsked(String seat, Command.Rebirth ask) {
        String id = ask.id();
        if (!floor.knows(seat) || !(rollCall.isOthersAsk(id) || rollCall.isOthersSingleAsk(id))) {
            return;
        }
        long now = clock.millis();
        heldRebirths.remove(seat);
        rebirths.taken(seat, now);
        if (rollCall.follow(seat, id, now)) {
            metrics.rebirthFollowed();
        }
    }

    /** The standby of a pair: its roll calls follow the primary's asks first. */
    private boolean partnerFirst() {
        return role.paired() && role.role() == Role.STANDBY;
    }

    private String holding() {
        return partnerFirst() ? " (the standby: after " + RollCall.PARTNER_FIRST_MS + " ms, to seats the primary has "
                + "not asked by then)" : "";
    }

    /**
     * The broker link came back: a roll call as {@link #startRollCall()}, with asks outstanding then asked again,
     * and the given-up events still chased are asked for again (what was asked while the link was down never left).
     */
    public void linkCameBack() {
        reorderer.chaseAgain(clock.millis());
        rollCall.startAfterLinkLoss(seatIds(), clock.millis(), partnerFirst());
        Logger.info("roll call after the link came back: asking every seat for a rebirth, {} a second{}",
                RollCall.PER_SECOND, holding());
    }

    private List<String> seatIds() {
        return floor.site().seats().stream().map(spec -> spec.seat()).toList();
    }

    private void callRoll(long now) {
        rollCall.due(now).forEach(ask -> sendRebirth(ask.seat(), ask.commandId(), now));
        List<String> silent = rollCall.overdue(now);
        for (String seat : silent) {
            report(seat, floor.unreachable(seat, now));
        }
        if (!silent.isEmpty()) {
            Logger.warn("roll call: {} seat(s) did not answer within {} s and are shown offline (first: {})",
                    silent.size(), RollCall.ANSWER_WITHIN_MS / 1000, silent.get(0));
        }
    }

    private void ask(Reorderer.Request request, long now) {
        if (request instanceof Reorderer.Replay replay) {
            metrics.replaySent();
            Logger.info("seat {}: gap still open after the reorder timeout; asking for replay of seq {}..{}",
                    replay.seat(), replay.from(), replay.to());
            outbox.ask(replay.seat(),
                    new Command.Replay(replayIds.next(), replay.from(), replay.to(), now));
        } else {
            rebirths.forget(request.seat());
            requestRebirth(request.seat(), "a replay did not fill its gap");
        }
    }

    private void unknownSeat(String seat) {
        metrics.rejected(RejectReason.UNKNOWN_SEAT);
        rejectLog.rejected("seat " + seat, RejectReason.UNKNOWN_SEAT, "seat '" + seat + "' is not in the seat map");
    }

    private void requestRebirth(String seat, String why) {
        long now = clock.millis();
        if (partnerFirst()) { // the primary asks on the same news: its ask, heard, takes this one's turn
            heldRebirths.putIfAbsent(seat, new HeldRebirth(why, now + RollCall.PARTNER_FIRST_MS));
            return;
        }
        askRebirth(seat, why, now);
    }

    private void askRebirth(String seat, String why, long now) {
        if (!rebirths.due(seat, now)) {
            return;
        }
        news.note(SeatNewsLog.Wording.rebirth(why), seat);
        sendRebirth(seat, rollCall.singleAskId(), now);
    }

    /** The single rebirths a standby held whose hold is over (all of them once it is primary), asked now. */
    private void askHeldRebirths(long now) {
        Iterator<Map.Entry<String, HeldRebirth>> held = heldRebirths.entrySet().iterator();
        while (held.hasNext()) {
            Map.Entry<String, HeldRebirth> next = held.next();
            if (now < next.getValue().askAt() && partnerFirst()) {
                continue;
            }
            held.remove();
            askRebirth(next.getKey(), next.getValue().why(), now);
        }
    }

    /** Whether this online status answers a rebirth asked of the seat lately (each ask is answered once). */
    private boolean isAnswer(String seat, long rx) {
        Long asked = answerDue.remove(seat);
        return asked != null && rx - asked < ANSWERS_LATE_MS;
    }

    private void sendRebirth(String seat, String commandId, long now) {
        metrics.rebirthSent();
        answerDue.put(seat, now);
        outbox.ask(seat, new Command.Rebirth(commandId, now));
    }

    /**
     * A seat a roll call had shown offline answered it: alive. Returns the latest online status it sent while shown
     * offline, or null.
     */
    private SeatStatus cameBack(String seat) {
        news.note(SeatNewsLog.Wording.CAME_BACK, seat);
        return unconfirmed.remove(seat);
    }
}
