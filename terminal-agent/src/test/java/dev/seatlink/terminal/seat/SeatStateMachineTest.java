package dev.seatlink.terminal.seat;

import static dev.seatlink.protocol.AgentState.BUSY;
import static dev.seatlink.protocol.AgentState.LOGGED_OUT;
import static dev.seatlink.protocol.AgentState.NOT_READY;
import static dev.seatlink.protocol.AgentState.READY;
import static dev.seatlink.protocol.AgentState.WRAP_UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Pending;
import dev.seatlink.protocol.PhoneRules;
import dev.seatlink.protocol.SeatConfig;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SeatStateMachineTest {
    private static final long T0 = 1_763_900_000_000L;
    private final FakeClock clock = new FakeClock(T0);
    private SeatStateMachine seat = machine(config("a1", 30, READY));

    private static SeatConfig config(String agent, int wrapUpSeconds, AgentState then) {
        return new SeatConfig("s-001", agent, "team-a", List.of("break", "lunch", "meeting"), wrapUpSeconds, then);
    }

    private SeatStateMachine machine(SeatConfig config) {
        return new SeatStateMachine(clock, config, Snapshot.loggedOut(config.agent(), T0));
    }

    private SeatStateMachine signedIn() {
        seat.press(Key.READY);
        return seat;
    }

    @Test
    void readySignsTheConfiguredAgentIn() {
        Transition t = seat.press(Key.READY).orElseThrow();

        assertThat(t.from().state()).isEqualTo(LOGGED_OUT);
        assertThat(t.to()).isEqualTo(new Snapshot("a1", READY, null, false, T0));
        assertThat(t.cause()).isEqualTo(Cause.BUTTON);
    }

    @Test
    void aBadgeSignsItsAgentInAndWhoeverWasSignedInOutFirst() {
        signedIn(); // a1, the seat's own agent
        clock.advanceSeconds(1);

        List<Transition> made = seat.signIn("a7");

        assertThat(made).extracting(t -> t.to().agent(), t -> t.to().state(), Transition::cause).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a1", LOGGED_OUT, Cause.BADGE),
                org.assertj.core.groups.Tuple.tuple("a7", READY, Cause.BADGE));
        assertThat(seat.signIn("a7")).as("signed in already").isEmpty();
        assertThat(seat.configure(config("a1", 30, READY))).as("the config's agent is only the default").isEmpty();
        assertThat(seat.snapshot().agent()).isEqualTo("a7");

        seat.logout();
        assertThat(seat.press(Key.READY).orElseThrow().to().agent()).as("a button sign-in: the seat's own agent")
                .isEqualTo("a1");
    }

    @Test
    void aBadgeDoesNotCutAnotherAgentsContactShort() {
        signedIn();
        seat.press(Key.BUSY);

        assertThat(seat.signIn("a7")).isEmpty();
        assertThat(seat.snapshot().agent()).isEqualTo("a1");
        assertThat(seat.snapshot().state()).isEqualTo(BUSY);
    }

    @Test
    void anAgentWhoBadgedInBeforeARestartStaysWhenTheConfigNamesAnother() {
        seat = new SeatStateMachine(clock, config("a7", 30, READY), new Snapshot("a7", READY, null, false, T0));
        seat.badgedInBefore("a7");

        assertThat(seat.configure(config("a1", 30, READY))).isEmpty();
        assertThat(seat.snapshot().agent()).isEqualTo("a7");
        assertThat(seat.badgeAgent()).isEqualTo("a7");
    }

    @Test
    void notReadyTakesTheFirstReasonAndEachPressCyclesToTheNext() {
        signedIn();

        assertThat(seat.press(Key.NOT_READY).orElseThrow().to().reason()).isEqualTo("break");
        assertThat(seat.press(Key.NOT_READY).orElseThrow().to().reason()).isEqualTo("lunch");
        assertThat(seat.press(Key.NOT_READY).orElseThrow().to().reason()).isEqualTo("meeting");
        assertThat(seat.press(Key.NOT_READY).orElseThrow().to().reason()).isEqualTo("break");
    }

    @Test
    void busyStartsAContactAndBusyAgainEndsItInWrapUp() {
        signedIn();

        assertThat(seat.press(Key.BUSY).orElseThrow().to().state()).isEqualTo(BUSY);
        assertThat(seat.press(Key.BUSY).orElseThrow().to().state()).isEqualTo(WRAP_UP);
    }

    @Test
    void onAContactReadyDoesNothingAndNotReadyWaitsForTheContactToEnd() {
        signedIn();
        seat.press(Key.BUSY);

        assertThat(seat.press(Key.READY)).isEmpty();
        Transition asked = seat.press(Key.NOT_READY).orElseThrow();
        assertThat(asked.to()).isEqualTo(new Snapshot("a1", BUSY, null, false, T0, Pending.notReady("break")));
        assertThat(seat.press(Key.HELP).orElseThrow().to().help()).isTrue();
        assertThat(seat.snapshot().state()).isEqualTo(BUSY);
        assertThat(seat.snapshot().pending()).as("kept through a raised hand").isEqualTo(Pending.notReady("break"));
    }

    @Test
    void aPendingNotReadyIsTakenWhenTheWrapUpEndsWithItsReason() {
        signedIn();
        seat.press(Key.BUSY);
        seat.chooseReason("lunch");
        clock.advanceSeconds(60);
        Transition wrapUp = seat.press(Key.BUSY).orElseThrow();
        assertThat(wrapUp.to().state()).isEqualTo(WRAP_UP);
        assertThat(wrapUp.to().pending()).isEqualTo(Pending.notReady("lunch"));

        clock.advanceSeconds(30);
        Transition end = seat.tick().orElseThrow();

        assertThat(end.to()).isEqualTo(new Snapshot("a1", NOT_READY, "lunch", false, T0 + 90_000));
        assertThat(end.cause()).isEqualTo(Cause.TIMER);
    }

    @Test
    void theSamePressAgainCancelsWhatIsPendingAndAnotherReplacesIt() {
        signedIn();
        seat.press(Key.BUSY);
        seat.press(Key.NOT_READY);

        assertThat(seat.press(Key.NOT_READY).orElseThrow().to().pending()).isNull();
        assertThat(seat.logout().orElseThrow().to().pending()).isEqualTo(Pending.signOut());
        assertThat(seat.chooseReason("meeting").orElseThrow().to().pending()).isEqualTo(Pending.notReady("meeting"));
        assertThat(seat.chooseReason("meeting")).as("the same reason again changes nothing").isEmpty();
        assertThat(seat.press(Key.NOT_READY).orElseThrow().to().pending()).isNull();
    }

    @Test
    void notReadyInWrapUpWaitsForItsEndAndReadyInWrapUpDropsWhatWasPending() {
        signedIn();
        seat.press(Key.BUSY);
        seat.press(Key.BUSY);
        assertThat(seat.press(Key.NOT_READY).orElseThrow().to())
                .isEqualTo(new Snapshot("a1", WRAP_UP, null, false, T0, Pending.notReady("break")));

        Transition ready = seat.press(Key.READY).orElseThrow();

        assertThat(ready.to()).isEqualTo(new Snapshot("a1", READY, null, false, T0));
    }

    @Test
    void aSignOutPendingIsTakenAtTheEndOfTheContactWhenThereIsNoWrapUpTimer() {
        seat = machine(config("a1", 0, READY));
        signedIn();
        seat.press(Key.BUSY);
        seat.logout();

        Transition end = seat.press(Key.BUSY).orElseThrow();

        assertThat(end.to()).isEqualTo(Snapshot.loggedOut("a1", T0));
    }

    @Test
    void aNewContactFromWrapUpKeepsWhatIsPending() {
        signedIn();
        seat.press(Key.BUSY);
        seat.press(Key.NOT_READY);
        seat.press(Key.BUSY);

        assertThat(seat.press(Key.BUSY).orElseThrow().to())
                .isEqualTo(new Snapshot("a1", BUSY, null, false, T0, Pending.notReady("break")));
    }

    @Test
    void loggedOutIgnoresBusyAndHelp() {
        assertThat(seat.press(Key.BUSY)).isEmpty();
        assertThat(seat.press(Key.HELP)).isEmpty();
    }

    @Test
    void notReadyFromLoggedOutSignsInNotReady() {
        Snapshot s = seat.press(Key.NOT_READY).orElseThrow().to();

        assertThat(s.agent()).isEqualTo("a1");
        assertThat(s.state()).isEqualTo(NOT_READY);
    }

    @Test
    void wrapUpEndsByItselfAfterTheConfiguredSeconds() {
        signedIn();
        seat.press(Key.BUSY);
        seat.press(Key.BUSY);

        clock.advanceSeconds(29);
        assertThat(seat.tick()).isEmpty();
        clock.advanceSeconds(1);
        Transition t = seat.tick().orElseThrow();

        assertThat(t.to().state()).isEqualTo(READY);
        assertThat(t.cause()).isEqualTo(Cause.TIMER);
        assertThat(t.at()).isEqualTo(T0 + 30_000);
    }

    @Test
    void wrapUpCanBeConfiguredToEndNotReadyWithTheFirstReason() {
        seat = machine(config("a1", 10, NOT_READY));
        signedIn();
        seat.press(Key.BUSY);
        seat.press(Key.BUSY);
        clock.advanceSeconds(10);

        assertThat(seat.tick().orElseThrow().to()).isEqualTo(new Snapshot("a1", NOT_READY, "break", false, T0 + 10_000));
    }

    @Test
    void wrapUpOfZeroSecondsWaitsForAButton() {
        seat = machine(config("a1", 0, READY));
        signedIn();
        seat.press(Key.BUSY);
        seat.press(Key.BUSY);
        clock.advanceSeconds(3600);

        assertThat(seat.tick()).isEmpty();
        assertThat(seat.press(Key.READY).orElseThrow().to().state()).isEqualTo(READY);
    }

    @Test
    void busyFromWrapUpStartsTheNextContactAtOnce() {
        signedIn();
        seat.press(Key.BUSY);
        seat.press(Key.BUSY);

        assertThat(seat.press(Key.BUSY).orElseThrow().to().state()).isEqualTo(BUSY);
    }

    @Test
    void helpTogglesWithoutRestartingTimeInState() {
        signedIn();
        clock.advanceSeconds(5);

        Transition raise = seat.press(Key.HELP).orElseThrow();
        Transition lower = seat.press(Key.HELP).orElseThrow();

        assertThat(raise.from().state()).isEqualTo(raise.to().state());
        assertThat(raise.to().help()).isTrue();
        assertThat(raise.to().since()).isEqualTo(T0);
        assertThat(raise.at()).isEqualTo(T0 + 5_000);
        assertThat(lower.to().help()).isFalse();
    }

    @Test
    void helpSurvivesStateChangesButNotLogout() {
        signedIn();
        seat.press(Key.HELP);

        assertThat(seat.press(Key.BUSY).orElseThrow().to().help()).isTrue();
        seat.press(Key.BUSY);
        assertThat(seat.press(Key.READY).orElseThrow().to().help()).isTrue();
        assertThat(seat.supervisorSet(LOGGED_OUT, null).transition().orElseThrow().to().help()).isFalse();
    }

    @Test
    void supervisorAcknowledgesHelp() {
        signedIn();
        seat.press(Key.HELP);

        Transition t = seat.acknowledgeHelp().orElseThrow();

        assertThat(t.to().help()).isFalse();
        assertThat(t.cause()).isEqualTo(Cause.SUPERVISOR);
        assertThat(seat.acknowledgeHelp()).isEmpty();
    }

    @Test
    void supervisorCanSetReadyNotReadyAndLogout() {
        signedIn();

        assertThat(seat.supervisorSet(NOT_READY, "meeting").transition().orElseThrow().to().reason()).isEqualTo("meeting");
        assertThat(seat.supervisorSet(READY, null).transition().orElseThrow().cause()).isEqualTo(Cause.SUPERVISOR);
        assertThat(seat.supervisorSet(LOGGED_OUT, null).transition().orElseThrow().to().state()).isEqualTo(LOGGED_OUT);
    }

    @Test
    void aForceNotReadyCarriesTheSupervisorReasonWithoutItBeingConfigured() {
        signedIn();

        var moved = seat.supervisorSet(NOT_READY, "supervisor").transition().orElseThrow();

        assertThat(moved.to().reason()).isEqualTo("supervisor");
        assertThat(moved.cause()).isEqualTo(Cause.SUPERVISOR);
    }

    @Test
    void supervisorSettingTheCurrentStateChangesNothing() {
        signedIn();

        SupervisorOutcome outcome = seat.supervisorSet(READY, null);

        assertThat(outcome.isRefused()).isFalse();
        assertThat(outcome.transition()).isEmpty();
    }

    @Test
    void supervisorIsRefusedBusyWrapUpUnknownReasonsAndSeatsOnAContact() {
        signedIn();

        assertThat(seat.supervisorSet(BUSY, null).refusal()).contains("cannot be set");
        assertThat(seat.supervisorSet(NOT_READY, "nap").refusal()).contains("'nap'");
        seat.press(Key.BUSY);
        assertThat(seat.supervisorSet(READY, null).refusal()).contains("on a contact");
        assertThat(seat.snapshot().state()).isEqualTo(BUSY);
    }

    @Test
    void aSupervisorsForceNotReadyOrSignOutDuringAContactBecomesPending() {
        signedIn();
        seat.press(Key.BUSY);

        SupervisorOutcome forced = seat.supervisorSet(NOT_READY, SeatConfig.SUPERVISOR_REASON);

        assertThat(forced.isRefused()).isFalse();
        assertThat(forced.transition().orElseThrow().to().pending())
                .isEqualTo(Pending.notReady(SeatConfig.SUPERVISOR_REASON));
        assertThat(forced.transition().orElseThrow().cause()).isEqualTo(Cause.SUPERVISOR);
        assertThat(seat.supervisorSet(NOT_READY, SeatConfig.SUPERVISOR_REASON).transition()).as("asked again").isEmpty();
        assertThat(seat.supervisorSet(LOGGED_OUT, null).transition().orElseThrow().to().pending())
                .isEqualTo(Pending.signOut());
        assertThat(seat.snapshot().state()).isEqualTo(BUSY);
    }

    @Test
    void newReasonsApplyFromTheNextPress() {
        signedIn();
        seat.configure(new SeatConfig("s-001", "a1", "team-a", List.of("coaching"), 30, READY));

        assertThat(seat.press(Key.NOT_READY).orElseThrow().to().reason()).isEqualTo("coaching");
    }

    @Test
    void aDifferentAgentInTheConfigSignsThePreviousOneOut() {
        signedIn();

        Transition t = seat.configure(config("a2", 30, READY)).orElseThrow();

        assertThat(t.to()).isEqualTo(Snapshot.loggedOut("a1", T0));
        assertThat(t.cause()).isEqualTo(Cause.CONFIG);
        assertThat(seat.snapshot().agent()).isEqualTo("a2");
        assertThat(seat.press(Key.READY).orElseThrow().to().agent()).isEqualTo("a2");
    }

    @Test
    void anAgentWhoSignedInBeforeTheConfigArrivedIsTakenToBeTheNamedOne() {
        seat = machine(config(null, 30, READY));
        signedIn();

        assertThat(seat.configure(config("a7", 30, READY))).isEmpty();

        assertThat(seat.snapshot().state()).isEqualTo(READY);
        assertThat(seat.snapshot().agent()).isEqualTo("a7");
    }

    @Test
    void aNewAgentOnALoggedOutSeatIsNoTransition() {
        assertThat(seat.configure(config("a2", 30, READY))).isEmpty();
        assertThat(seat.snapshot().agent()).isEqualTo("a2");
    }

    @Test
    void theReasonPickerGoesNotReadyWithTheChosenReason() {
        signedIn();

        Transition t = seat.chooseReason("meeting").orElseThrow();

        assertThat(t.to().reason()).isEqualTo("meeting");
        assertThat(t.cause()).isEqualTo(Cause.BUTTON);
        assertThat(seat.chooseReason("meeting")).isEmpty();
        assertThat(seat.chooseReason("nap")).isEmpty();
    }

    @Test
    void thePickerDoesNotInterruptAContact() {
        signedIn();
        seat.press(Key.BUSY);

        assertThat(seat.chooseReason("break").orElseThrow().to().state()).isEqualTo(BUSY);
    }

    @Test
    void holdingReadySignsOutButDuringAContactOnlyAfterIt() {
        signedIn();
        seat.press(Key.BUSY);
        assertThat(seat.logout().orElseThrow().to().state()).isEqualTo(BUSY);
        seat.press(Key.BUSY);
        clock.advanceSeconds(30);

        assertThat(seat.tick().orElseThrow().to().state()).isEqualTo(LOGGED_OUT);
        assertThat(seat.logout()).isEmpty();
    }

    @Test
    void pullingTheHeadsetWhileReadyGoesNotReadyWithReasonHeadset() {
        signedIn();

        Transition t = seat.headsetUnplugged().orElseThrow();

        assertThat(t.to().state()).isEqualTo(NOT_READY);
        assertThat(t.to().reason()).isEqualTo(SeatStateMachine.HEADSET_REASON);
        assertThat(t.cause()).isEqualTo(Cause.HEADSET);
    }

    @Test
    void pullingTheHeadsetInAnyOtherStateChangesNothing() {
        assertThat(seat.headsetUnplugged()).isEmpty();
        signedIn();
        seat.press(Key.BUSY);
        assertThat(seat.headsetUnplugged()).isEmpty();
    }

    /** Whatever the agent presses, every transition chains from the previous one and stays valid. */
    @Property
    void anySequenceOfPressesYieldsAConsistentChain(@ForAll @Size(max = 60) List<Key> presses) {
        SeatStateMachine m = machine(config("a1", 5, READY));
        Snapshot last = m.snapshot();
        for (Key key : presses) {
            Optional<Transition> t = m.press(key);
            if (t.isPresent()) {
                assertThat(t.get().from()).isEqualTo(last);
                assertThat(t.get().to()).isNotEqualTo(last);
                last = t.get().to();
            }
            assertThat(m.snapshot()).isEqualTo(last);
        }
    }

    /** Presses and seconds passing, in any order: a pending state is only ever taken, never lost or invented. */
    @Property
    void whatWasPendingIsWhatTheSeatLandsInWhenTheContactEnds(@ForAll @Size(max = 80) List<Key> presses,
                                                              @ForAll @Size(max = 80) List<Boolean> waits) {
        SeatStateMachine m = machine(config("a1", 5, READY));
        for (int i = 0; i < presses.size(); i++) {
            if (i < waits.size() && waits.get(i)) {
                clock.advanceSeconds(5);
                Snapshot before = m.snapshot();
                m.tick().ifPresent(t -> {
                    if (before.pending() != null) {
                        assertThat(t.to().state()).isEqualTo(before.pending().state());
                        assertThat(t.to().reason()).isEqualTo(before.pending().reason());
                    }
                });
            }
            Snapshot before = m.snapshot();
            Key key = presses.get(i);
            m.press(key).ifPresent(t -> {
                if (before.pending() != null && !t.to().onContact() && key != Key.READY) {
                    assertThat(t.to().state()).isEqualTo(before.pending().state());
                }
            });
        }
    }

    // --- the phone system ------------------------------------------------------------------

    private static SeatConfig withPhone(int wrapUpSeconds, int missedToNotReady) {
        SeatConfig plain = config("a1", wrapUpSeconds, READY);
        return new SeatConfig(plain.seat(), plain.agent(), plain.team(), plain.reasons(), wrapUpSeconds,
                plain.wrapUpThen(), null, new PhoneRules(missedToNotReady));
    }

    private Optional<Transition> phone(CallEventType type, String call) {
        return seat.phone(type, call);
    }

    @Test
    void aCallAnsweredStartsTheContactAndItsEndStartsWrapUpWithCausePhone() {
        seat = machine(withPhone(30, 3));
        signedIn();

        Transition answered = phone(CallEventType.CALL_ANSWERED, "c1").orElseThrow();
        Transition ended = phone(CallEventType.CALL_ENDED, "c1").orElseThrow();

        assertThat(answered.to().state()).isEqualTo(BUSY);
        assertThat(answered.cause()).isEqualTo(Cause.PHONE);
        assertThat(ended.to().state()).isEqualTo(WRAP_UP);
        assertThat(ended.cause()).isEqualTo(Cause.PHONE);
        clock.advanceSeconds(30);
        assertThat(seat.tick().orElseThrow().to().state()).as("the team's wrap-up rules as today").isEqualTo(READY);
    }

    @Test
    void anotherCallsEndDoesNotEndTheContactAndOffersAndHoldsChangeNoState() {
        seat = machine(withPhone(30, 3));
        signedIn();
        phone(CallEventType.CALL_OFFERED, "c1");
        phone(CallEventType.CALL_ANSWERED, "c1");

        assertThat(phone(CallEventType.CALL_ENDED, "consult-2")).isEmpty();
        assertThat(phone(CallEventType.CALL_HELD, "c1")).isEmpty();
        assertThat(phone(CallEventType.CALL_RESUMED, "c1")).isEmpty();
        assertThat(seat.snapshot().state()).isEqualTo(BUSY);
        assertThat(phone(CallEventType.CALL_ENDED, "c1").orElseThrow().to().state()).isEqualTo(WRAP_UP);
    }

    @Test
    void notReadyPressedDuringACallWaitsAndIsTakenWhenTheAcdEndsWrapUp() {
        seat = machine(withPhone(0, 3));
        signedIn();
        phone(CallEventType.CALL_ANSWERED, "c1");
        seat.press(Key.NOT_READY);

        Transition ended = phone(CallEventType.CALL_ENDED, "c1").orElseThrow();

        assertThat(ended.to().state()).as("no timed wrap-up to wait for").isEqualTo(NOT_READY);
        assertThat(ended.to().reason()).isEqualTo("break");
    }

    @Test
    void theAcdsWrapUpEndMovesOnLikeTheTimerAndIsIgnoredOutsideWrapUp() {
        seat = machine(withPhone(600, 3));
        signedIn();
        assertThat(phone(CallEventType.WRAPUP_ENDED, null)).isEmpty();
        phone(CallEventType.CALL_ANSWERED, "c1");
        phone(CallEventType.CALL_ENDED, "c1");
        seat.press(Key.NOT_READY);

        Transition over = phone(CallEventType.WRAPUP_ENDED, "c1").orElseThrow();

        assertThat(over.to().state()).isEqualTo(NOT_READY);
        assertThat(over.cause()).isEqualTo(Cause.PHONE);
    }

    @Test
    void theConfiguredNumberOfMissedCallsInARowMakesTheSeatNotReadyMissed() {
        seat = machine(withPhone(30, 3));
        signedIn();

        assertThat(phone(CallEventType.CALL_MISSED, "c1")).isEmpty();
        assertThat(phone(CallEventType.CALL_MISSED, "c2")).isEmpty();
        Transition third = phone(CallEventType.CALL_MISSED, "c3").orElseThrow();

        assertThat(third.to().state()).isEqualTo(NOT_READY);
        assertThat(third.to().reason()).isEqualTo(PhoneRules.MISSED_REASON);
        assertThat(third.cause()).isEqualTo(Cause.PHONE);
    }

    @Test
    void anAnsweredCallStartsTheMissedCountAgainAndASeatWithoutPhoneRulesNeverCountsThem() {
        seat = machine(withPhone(0, 2));
        signedIn();
        phone(CallEventType.CALL_MISSED, "c1");
        phone(CallEventType.CALL_ANSWERED, "c2");
        phone(CallEventType.CALL_ENDED, "c2");
        seat.press(Key.READY);

        assertThat(phone(CallEventType.CALL_MISSED, "c3")).isEmpty();

        seat = machine(config("a1", 30, READY));
        signedIn();
        for (int i = 0; i < 5; i++) {
            assertThat(phone(CallEventType.CALL_MISSED, "m" + i)).isEmpty();
        }
    }

    @Test
    void theAcdsSignOutSignsTheSeatOutOrWaitsForTheCallAndItsLoginChangesNothing() {
        seat = machine(withPhone(30, 3));
        assertThat(phone(CallEventType.AGENT_LOGIN, null)).isEmpty();
        assertThat(phone(CallEventType.CALL_ANSWERED, "c0")).as("nobody signed in").isEmpty();
        signedIn();
        phone(CallEventType.CALL_ANSWERED, "c1");

        Transition waits = phone(CallEventType.AGENT_LOGOUT, null).orElseThrow();

        assertThat(waits.to().state()).isEqualTo(BUSY);
        assertThat(waits.to().pending()).isEqualTo(Pending.signOut());
        phone(CallEventType.CALL_ENDED, "c1");
        clock.advanceSeconds(30);
        assertThat(seat.tick().orElseThrow().to().state()).isEqualTo(LOGGED_OUT);
    }

    @Test
    void aSupervisorMayForceTheMissedReasonOnlyOnASeatWithPhoneRules() {
        signedIn();
        assertThat(seat.supervisorSet(NOT_READY, PhoneRules.MISSED_REASON).isRefused()).isTrue();

        seat = machine(withPhone(30, 3));
        signedIn();
        assertThat(seat.supervisorSet(NOT_READY, PhoneRules.MISSED_REASON).isRefused()).isFalse();
    }
}
