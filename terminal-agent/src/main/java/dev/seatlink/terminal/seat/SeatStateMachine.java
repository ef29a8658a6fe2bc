package dev.seatlink.terminal.seat;

import static dev.seatlink.protocol.AgentState.BUSY;
import static dev.seatlink.protocol.AgentState.LOGGED_OUT;
import static dev.seatlink.protocol.AgentState.NOT_READY;
import static dev.seatlink.protocol.AgentState.READY;
import static dev.seatlink.protocol.AgentState.WRAP_UP;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Pending;
import dev.seatlink.protocol.PhoneRules;
import dev.seatlink.protocol.SeatConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent's state at one seat and every rule that changes it. Pure: time comes from the
 * {@link Clock}, and each call returns the transition it made, if any, for the caller to journal
 * and publish. Not thread-safe; the terminal calls it from its one seat thread.
 *
 * <p>Buttons: Ready signs in or makes the agent available; Not ready goes not-ready with the first
 * configured reason, and each further press moves to the next reason; Busy starts a contact and,
 * pressed again, ends it into wrap-up; Help raises or lowers the hand in any signed-in state.
 * While BUSY Ready does nothing, so a stray press cannot end a contact's accounting.
 * Wrap-up ends by a button or after {@code wrapUpSeconds} into {@code wrapUpThen}.
 *
 * <p>Pending: Not ready (or a reason picked, or sign-out held) during a contact — BUSY or WRAP_UP — does not cut
 * the contact short: it becomes the seat's <em>pending</em> state, shown on the display, and is taken when the
 * contact and its wrap-up end (the wrap-up timer, or the contact's end when the seat has no timed wrap-up). The
 * same press again cancels it; Ready pressed in wrap-up ends it into READY and drops the pending state (the
 * agent said otherwise). A supervisor's Not ready or sign-out during a contact becomes pending the same way.
 *
 * <p>Phone: a seat whose floor takes call state from its phone system follows it with cause {@code phone}
 * ({@link #phone}): a call answered starts a contact, its end starts wrap-up (the seat's own wrap-up rules), the
 * ACD's wrap-up end ends it, consecutive missed calls make the seat not ready ({@code missed}), and the ACD's
 * sign-out signs the seat out (pending on a contact). The buttons keep working beside it.
 */
public final class SeatStateMachine {
    /** The reason a seat goes not ready with when the headset is pulled. */
    public static final String HEADSET_REASON = "headset";

    private final Clock clock;
    private SeatConfig config;
    private Snapshot current;
    /** The phone call the current contact is, if the phone started it: another call's end does not end it. */
    private String call;
    /** Calls offered while READY and not answered, in a row. */
    private int missedInARow;
    /** The agent who signed in with a badge, until they sign out: who a sign-in is for instead of the config's. */
    private String badgeAgent;

    public SeatStateMachine(Clock clock, SeatConfig config, Snapshot initial) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.current = Objects.requireNonNull(initial, "initial");
    }

    public Snapshot snapshot() {
        return current;
    }

    public SeatConfig config() {
        return config;
    }

    /** A button press by the agent. */
    public Optional<Transition> press(Key key) {
        AgentState state = current.state();
        return switch (key) {
            case READY -> state == READY || state == BUSY ? Optional.empty() : move(READY, null, Cause.BUTTON);
            case NOT_READY -> switch (state) {
                case BUSY, WRAP_UP -> togglePending(Pending.notReady(firstReason()), Cause.BUTTON);
                case NOT_READY -> move(NOT_READY, nextReason(current.reason()), Cause.BUTTON);
                default -> move(NOT_READY, firstReason(), Cause.BUTTON);
            };
            case BUSY -> switch (state) {
                case LOGGED_OUT -> Optional.empty();
                case BUSY -> current.pending() != null && config.wrapUpSeconds() == 0
                        ? takePending(Cause.BUTTON) // no timed wrap-up to wait for
                        : move(WRAP_UP, null, Cause.BUTTON);
                default -> move(BUSY, null, Cause.BUTTON);
            };
            case HELP -> state == LOGGED_OUT ? Optional.empty() : setHelp(!current.help(), Cause.BUTTON);
        };
    }

    /** The agent picked {@code reason} (reason picker): not ready with it, or pending with it on a contact. */
    public Optional<Transition> chooseReason(String reason) {
        boolean same = current.state() == NOT_READY && reason.equals(current.reason());
        if (same || !config.reasons().contains(reason)) {
            return Optional.empty();
        }
        if (current.onContact()) {
            return setPending(Pending.notReady(reason), Cause.BUTTON);
        }
        return move(NOT_READY, reason, Cause.BUTTON);
    }

    /** The agent held Ready to sign out; on a contact, pending (held again: cancelled). */
    public Optional<Transition> logout() {
        AgentState state = current.state();
        if (current.onContact()) {
            return togglePending(Pending.signOut(), Cause.BUTTON);
        }
        return state == LOGGED_OUT ? Optional.empty() : move(LOGGED_OUT, null, Cause.BUTTON);
    }

    /**
     * The headset was unplugged. A READY agent can take no contact without it, so the seat goes
     * not ready (reason {@value #HEADSET_REASON}); in any other state nothing changes. Plugging it
     * back in never makes the agent ready by itself.
     */
    public Optional<Transition> headsetUnplugged() {
        return current.state() == READY ? move(NOT_READY, HEADSET_REASON, Cause.HEADSET) : Optional.empty();
    }

    /** Advances timers; call it a few times a second. Ends wrap-up when its time is up. */
    public Optional<Transition> tick() {
        boolean wrapUpOver = current.state() == WRAP_UP && config.wrapUpSeconds() > 0
                && clock.millis() - current.since() >= config.wrapUpSeconds() * 1000L;
        if (!wrapUpOver) {
            return Optional.empty();
        }
        if (current.pending() != null) {
            return takePending(Cause.TIMER);
        }
        AgentState then = config.wrapUpThen();
        return move(then, then == NOT_READY ? firstReason() : null, Cause.TIMER);
    }

    /**
     * A supervisor sets the state. READY, NOT_READY (with one of the seat's reasons, or
     * {@code supervisor}: a force not ready) and LOGGED_OUT are allowed; BUSY and WRAP_UP only follow real contacts.
     * On a contact, NOT_READY and LOGGED_OUT become the seat's pending state (taken when the contact ends) and
     * READY is refused while BUSY.
     */
    public SupervisorOutcome supervisorSet(AgentState target, String reason) {
        if (target == BUSY || target == WRAP_UP) {
            return SupervisorOutcome.refused(target + " follows the agent's contacts and cannot be set");
        }
        if (target == NOT_READY && !config.takesReason(reason)) {
            return SupervisorOutcome.refused("reason '" + reason + "' is not configured for this seat");
        }
        if (current.onContact() && target != READY) {
            return SupervisorOutcome.applied(setPending(new Pending(target, reason), Cause.SUPERVISOR));
        }
        if (current.state() == BUSY) {
            return SupervisorOutcome.refused("seat is on a contact; try again after it ends");
        }
        boolean same = target == current.state() && Objects.equals(reason, current.reason());
        return SupervisorOutcome.applied(same ? Optional.empty() : move(target, reason, Cause.SUPERVISOR));
    }

    /**
     * The phone system says {@code type} happened to this seat's agent (call ids as the ACD gives them). Offers,
     * holds and the ACD's pause change no state: the display shows the first two, the gateway keeps the pause.
     */
    public Optional<Transition> phone(CallEventType type, String callId) {
        AgentState state = current.state();
        return switch (type) {
            case CALL_ANSWERED -> {
                missedInARow = 0;
                if (state == LOGGED_OUT || state == BUSY) {
                    call = state == BUSY && call == null ? callId : call;
                    yield Optional.empty();
                }
                call = callId;
                yield move(BUSY, null, Cause.PHONE);
            }
            case CALL_ENDED -> {
                boolean thisContact = state == BUSY && (call == null || call.equals(callId));
                if (!thisContact) {
                    yield Optional.empty();
                }
                call = null;
                yield current.pending() != null && config.wrapUpSeconds() == 0 ? takePending(Cause.PHONE)
                        : move(WRAP_UP, null, Cause.PHONE);
            }
            case WRAPUP_ENDED -> state != WRAP_UP ? Optional.empty() : current.pending() != null
                    ? takePending(Cause.PHONE) : move(config.wrapUpThen(),
                    config.wrapUpThen() == NOT_READY ? firstReason() : null, Cause.PHONE);
            case CALL_MISSED -> missed();
            case AGENT_LOGOUT -> current.onContact() ? setPending(Pending.signOut(), Cause.PHONE)
                    : state == LOGGED_OUT ? Optional.empty() : move(LOGGED_OUT, null, Cause.PHONE);
            case AGENT_LOGIN, CALL_OFFERED, CALL_HELD, CALL_RESUMED, AGENT_PAUSED, AGENT_UNPAUSED -> Optional.empty();
        };
    }

    private Optional<Transition> missed() {
        PhoneRules rules = config.phone();
        if (current.state() != READY || rules == null) {
            return Optional.empty();
        }
        missedInARow++;
        if (missedInARow < rules.missedToNotReady()) {
            return Optional.empty();
        }
        missedInARow = 0;
        return move(NOT_READY, PhoneRules.MISSED_REASON, Cause.PHONE);
    }

    /** A supervisor took the raised hand. */
    public Optional<Transition> acknowledgeHelp() {
        return current.help() ? setHelp(false, Cause.SUPERVISOR) : Optional.empty();
    }

    /**
     * A badge read here belongs to {@code agent} (the gateway looked it up): they are signed in, READY, with cause
     * {@code badge}; whoever else was signed in is signed out first, so nobody's time runs on someone else's name.
     * Refused (nothing changes) while another agent's contact runs. Returns the transitions made, in order: none
     * when {@code agent} is signed in here already.
     */
    public List<Transition> signIn(String agent) {
        Objects.requireNonNull(agent, "agent");
        boolean signedIn = current.state() != LOGGED_OUT;
        if (signedIn && agent.equals(current.agent())) {
            return List.of();
        }
        if (current.onContact()) {
            return List.of();
        }
        List<Transition> made = new java.util.ArrayList<>();
        if (signedIn) {
            move(LOGGED_OUT, null, Cause.BADGE).ifPresent(made::add);
        }
        badgeAgent = agent;
        move(READY, null, Cause.BADGE).ifPresent(made::add);
        return made;
    }

    /** The agent signed in now had badged in before the terminal restarted (the terminal keeps that on disk). */
    public void badgedInBefore(String agent) {
        if (current.state() != LOGGED_OUT && agent.equals(current.agent())) {
            badgeAgent = agent;
        }
    }

    /** The agent who signed in with a badge and is signed in still, or null. */
    public String badgeAgent() {
        return current.state() == LOGGED_OUT ? null : badgeAgent;
    }

    /**
     * New seat configuration from the gateway. Reasons and timers apply from the next use. A different
     * agent signs the previous one out, so nobody's time runs on someone else's name; an agent who
     * signed in before the seat knew its agent (config not yet received) is taken to be the one named.
     * An agent who signed in with a badge stays: the config's agent is only who a button sign-in is for.
     */
    public Optional<Transition> configure(SeatConfig next) {
        config = Objects.requireNonNull(next, "config");
        String signedIn = current.agent();
        if (Objects.equals(signedIn, next.agent())) {
            return Optional.empty();
        }
        if (current.state() != LOGGED_OUT && signedIn != null && signedIn.equals(badgeAgent)) {
            return Optional.empty(); // badged in: their time stays theirs
        }
        if (current.state() == LOGGED_OUT || signedIn == null) {
            Snapshot s = current;
            current = new Snapshot(next.agent(), s.state(), s.reason(), s.help(), s.since(), s.pending());
            return Optional.empty();
        }
        Optional<Transition> out = move(LOGGED_OUT, null, Cause.CONFIG);
        current = Snapshot.loggedOut(next.agent(), current.since());
        return out;
    }

    /** A contact's state (BUSY, WRAP_UP) keeps what is pending; any other drops it. */
    private Optional<Transition> move(AgentState to, String reason, Cause cause) {
        if (to != BUSY) {
            call = null;
        }
        long now = clock.millis();
        String agent = current.state() != LOGGED_OUT ? current.agent() : badgeAgent != null ? badgeAgent : config.agent();
        if (to == LOGGED_OUT) {
            badgeAgent = null; // the next sign-in by a button is the seat's own agent's
        }
        boolean help = to != LOGGED_OUT && current.help();
        Pending pending = to == BUSY || to == WRAP_UP ? current.pending() : null;
        return record(new Snapshot(agent, to, reason, help, now, pending), cause, now);
    }

    private Optional<Transition> takePending(Cause cause) {
        Pending pending = current.pending();
        return move(pending.state(), pending.reason(), cause);
    }

    /** The same pending state asked again cancels it; another replaces it. */
    private Optional<Transition> togglePending(Pending asked, Cause cause) {
        boolean again = current.pending() != null && current.pending().state() == asked.state();
        return setPending(again ? null : asked, cause);
    }

    /** Nothing when {@code pending} is what is pending already. */
    private Optional<Transition> setPending(Pending pending, Cause cause) {
        Snapshot s = current;
        if (Objects.equals(pending, s.pending())) {
            return Optional.empty();
        }
        return record(new Snapshot(s.agent(), s.state(), s.reason(), s.help(), s.since(), pending), cause,
                clock.millis());
    }

    private Optional<Transition> setHelp(boolean help, Cause cause) {
        Snapshot s = current;
        return record(new Snapshot(s.agent(), s.state(), s.reason(), help, s.since(), s.pending()), cause,
                clock.millis());
    }

    private Optional<Transition> record(Snapshot next, Cause cause, long at) {
        Transition transition = new Transition(current, next, cause, at);
        current = next;
        return Optional.of(transition);
    }

    private String firstReason() {
        return config.reasons().get(0);
    }

    private String nextReason(String reason) {
        List<String> reasons = config.reasons();
        int index = reasons.indexOf(reason);
        return reasons.get((index + 1) % reasons.size());
    }
}
