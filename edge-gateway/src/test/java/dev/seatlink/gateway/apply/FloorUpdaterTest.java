package dev.seatlink.gateway.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.floor.Alert;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.SeatView;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.gateway.testing.FakeRole;
import dev.seatlink.link.RejectLog;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.CommandResult;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.RejectReason;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FloorUpdaterTest {
    private static final long T = 1_763_900_000_000L;
    private final AtomicLong now = new AtomicLong(T);
    private final Metrics metrics = new Metrics();
    private final List<SeatView> changes = new ArrayList<>();
    private final SentToSeats sent = new SentToSeats();
    private final FloorModel floor = new FloorModel(new SiteConfigLoader().loadDemo(), System.currentTimeMillis());
    private final FakeRole role = new FakeRole("gateway-a");
    private final FloorUpdater updater = new FloorUpdater(floor, new SeatProgress(), metrics, new RejectLog(now::get), changes::add, sent,
            (seat, result) -> { }, now::get, role, 2_000);

    private static Decoded.Accepted event(String seat, long seq) {
        return new Decoded.Accepted(Topic.seat("hq", "f1", seat, Topic.Kind.EVENT),
                new SeatEvent(seat, null, AgentState.LOGGED_OUT, AgentState.READY, null, false, T, seq, "b", Cause.BUTTON));
    }

    /** An online status said now (each one new, as a terminal's are). */
    private Decoded.Accepted online(String seat) {
        return online(seat, now.get());
    }

    private static Decoded.Accepted online(String seat, long ts) {
        return new Decoded.Accepted(Topic.seat("hq", "f1", seat, Topic.Kind.STATUS), SeatStatus.online("b", "1", ts));
    }

    /** An offline status of the seat's current boot: its Last Will, or a clean stop. */
    private static Decoded.Accepted offline(String seat, long ts) {
        return new Decoded.Accepted(Topic.seat("hq", "f1", seat, Topic.Kind.STATUS), SeatStatus.offline("b", ts));
    }

    /** A roll call starts and, a second later, every seat has been asked. */
    private void rollCall() {
        updater.startRollCall();
        now.addAndGet(1_000);
        updater.tick();
    }

    /** The roll call's deadline passes: whoever did not answer is shown offline. */
    private void outwaitTheRollCall() {
        now.addAndGet(RollCall.ANSWER_WITHIN_MS + 1);
        updater.tick();
    }

    /** What a live terminal sends for a rebirth: its online status, then its result for the command. */
    private void answer(SentToSeats.Sent rebirth) {
        updater.apply(online(rebirth.seat(), now.get()), now.get());
        updater.apply(result(rebirth.seat(), rebirth.command().id()), now.get());
    }

    private static Decoded.Accepted result(String seat, String commandId) {
        return new Decoded.Accepted(Topic.seat("hq", "f1", seat, Topic.Kind.CMD_RESULT),
                CommandResult.success(commandId));
    }

    @Test
    void aChangeIsReportedOnceWithTheSeatsNewView() {
        updater.apply(online("s-001"), T);
        updater.apply(event("s-001", 1), T);
        updater.apply(event("s-001", 1), T);

        assertThat(changes).extracting(SeatView::state).containsExactly("LOGGED_OUT", "READY");
        assertThat(metrics.duplicateCount()).isEqualTo(1);
    }

    @Test
    void aGapIsAnAlertOnlyOnceItHasBeenOpenFiveSecondsAndNotOnceFilled() {
        updater.apply(online("s-001"), T);
        updater.apply(online("s-002"), T);
        updater.apply(event("s-001", 1), T);
        updater.apply(event("s-001", 3), T); // 2 on its way: a cluster delivers some out of order
        updater.apply(event("s-002", 1), T);
        updater.apply(event("s-002", 3), T);
        now.addAndGet(1_000);
        updater.apply(event("s-001", 2), now.get());

        assertThat(updater.gapsOverdue(now.get())).as("nothing waited for long yet").isEmpty();
        now.set(T + FloorUpdater.GAP_ALERT_AFTER_MS);
        assertThat(updater.gapsOverdue(now.get())).containsExactly("s-002");
    }

    @Test
    void aGapStillOpenAfterTheTimeoutAsksTheSeatToReplayTheMissingEvents() {
        updater.apply(online("s-001"), T);
        updater.apply(event("s-001", 1), T);
        updater.apply(event("s-001", 4), T);

        now.addAndGet(2_000);
        updater.tick();

        assertThat(sent.commandsTo("s-001")).singleElement().isInstanceOfSatisfying(Command.Replay.class,
                replay -> assertThat(replay).extracting(Command.Replay::from, Command.Replay::to).containsExactly(2L, 3L));
        assertThat(metrics.replayCount()).isEqualTo(1);
        assertThat(sent.commands).as("asked at most once: asked again until filled").allMatch(SentToSeats.Sent::atMostOnce);
    }

    @Test
    void theRollCallsRebirthsAreAskedAtMostOnce() {
        rollCall();

        assertThat(sent.commands).isNotEmpty().allMatch(each -> each.command() instanceof Command.Rebirth
                && each.atMostOnce());
    }

    @Test
    void aSeatThatGreetsAfterAReconnectIsAskedAtOnceForTheEventsItStillOwes() {
        updater.apply(online("s-001"), T);
        updater.apply(event("s-001", 1), T);
        updater.apply(event("s-001", 4), T);
        outwaitTheReorderTimeouts(); // replay, rebirth, then given up: chased, next ask 8 s on
        int asked = sent.commandsTo("s-001").size();

        updater.apply(online("s-001"), now.get()); // back from a reconnect: it missed what was asked meanwhile
        updater.tick();

        assertThat(sent.commandsTo("s-001")).hasSize(asked + 1).last().isInstanceOfSatisfying(Command.Replay.class,
                replay -> assertThat(replay).extracting(Command.Replay::from, Command.Replay::to).containsExactly(2L, 3L));
    }

    @Test
    void aSeatHeardBeforeItsStatusIsAskedForARebirthAtMostEvery30Seconds() {
        updater.apply(event("s-002", 1), T);
        updater.apply(event("s-002", 2), T);
        now.addAndGet(FloorUpdater.REBIRTH_INTERVAL_MS);
        updater.apply(event("s-002", 3), T);

        assertThat(sent.commands).extracting(SentToSeats.Sent::seat).containsExactly("s-002", "s-002");
        assertThat(sent.commands).extracting(SentToSeats.Sent::command).allMatch(Command.Rebirth.class::isInstance);
    }

    @Test
    void seatsReconnectingElsewhereStartARollCallButItsAnswersDoNotStartAnother() {
        List<String> seats = everySeatOnlineAWhile();
        for (int i = 0; i < SeatMoves.MIN_MOVES; i++) { // online again while shown online: moved to another node
            updater.apply(online(seats.get(i)), now.get());
        }
        java.util.Deque<List<SentToSeats.Sent>> asked = new java.util.ArrayDeque<>();
        for (int second = 0; second < 60; second++) { // the roll call goes round; each seat answers 12 s after its ask,
            now.addAndGet(1_000);                      // as on a busy cluster: late, and after a move alarm's quiet
            updater.tick();
            asked.addLast(List.copyOf(sent.commands));
            sent.commands.clear();
            if (asked.size() > 12) {
                asked.removeFirst().forEach(this::answer);
            }
        }

        assertThat(metrics.rebirthCount()).as("one roll call: each seat asked once").isEqualTo(seats.size());
        assertThat(seats).allMatch(seat -> floor.seat(seat).orElseThrow().online());
    }

    @Test
    void seatsMovingRightAfterARollCallWasAnsweredStartAnother() {
        List<String> seats = floor.site().seats().stream().map(spec -> spec.seat()).toList();
        seats.forEach(seat -> updater.apply(online(seat), T));
        rollCall();
        List.copyOf(sent.commands).forEach(this::answer);
        sent.commands.clear();

        now.addAndGet(SeatMoves.QUIET_MS); // a node dies: its seats reconnect elsewhere, each saying online again
        for (int i = 0; i < SeatMoves.MIN_MOVES; i++) {
            updater.apply(online(seats.get(i)), now.get());
        }
        now.addAndGet(1_000);
        updater.tick();

        assertThat(metrics.rebirthCount()).as("a second roll call: whoever died with the node is found")
                .isEqualTo(2L * seats.size());
    }

    @Test
    void seatsMovingSecondsAfterTheyAnsweredARollCallWithItsIdStartAnother() {
        List<String> seats = floor.site().seats().stream().map(spec -> spec.seat()).toList();
        seats.forEach(seat -> updater.apply(online(seat), T));
        rollCall();
        for (SentToSeats.Sent ask : List.copyOf(sent.commands)) { // as today's terminals answer: the ask's id said
            updater.apply(new Decoded.Accepted(Topic.seat("hq", "f1", ask.seat(), Topic.Kind.STATUS),
                    SeatStatus.online("b", "1", now.get()).answering(ask.command().id())), now.get());
        }
        sent.commands.clear();

        // a node dies well within a minute of the asks: its seats reconnect elsewhere, each saying online again
        // (seen: the standby of a pair never found a seat that died with its node 4 s after its roll call)
        now.addAndGet(SeatMoves.QUIET_MS);
        for (int i = 0; i < SeatMoves.MIN_MOVES; i++) {
            updater.apply(online(seats.get(i)), now.get());
        }
        now.addAndGet(1_000);
        updater.tick();

        assertThat(now.get() - T).isLessThan(FloorUpdater.ANSWERS_LATE_MS);
        assertThat(metrics.rebirthCount()).as("a second roll call: whoever died with the node is found")
                .isEqualTo(2L * seats.size());
    }

    @Test
    void aRetainedStatusHandedOverOnResubscribingIsNoAnswerToARollCall() {
        updater.apply(online("s-001"), T);
        updater.apply(online("s-002"), T);
        rollCall();

        updater.apply(online("s-001"), now.get(), true); // what the broker kept: s-001 may have died with its node
        answer(sent.commands.get(1)); // s-002 answers
        outwaitTheRollCall();

        assertThat(floor.seat("s-001").orElseThrow().online()).isFalse();
        assertThat(floor.seat("s-002").orElseThrow().online()).isTrue();
    }

    @Test
    void anEventTheBrokerDeliversLateFromASeatThatDiedIsNoAnswerToARollCall() {
        updater.apply(online("s-001", T), T);
        updater.apply(online("s-002", T), T);
        rollCall();

        updater.apply(event("s-001", 1), now.get()); // queued before it died with its node, delivered only now
        answer(sent.commands.get(1)); // s-002 answers
        outwaitTheRollCall();

        assertThat(floor.seat("s-001").orElseThrow().online()).isFalse();
        assertThat(floor.seat("s-002").orElseThrow().online()).isTrue();
    }

    @Test
    void anOnlineStatusTheBrokerHandsOverAgainDoesNotBringADeadSeatBack() {
        updater.apply(online("s-001", T), T);
        rollCall();
        updater.apply(online("s-001", T), now.get()); // redelivered after its node came back: no answer
        outwaitTheRollCall();
        assertThat(floor.seat("s-001").orElseThrow().online()).isFalse();

        updater.apply(online("s-001", T), now.get()); // and again, later: held until the seat answers, which it cannot

        assertThat(floor.seat("s-001").orElseThrow().online()).isFalse();
        assertThat(metrics.redeliveredStatusCount()).isEqualTo(1);
    }

    @Test
    void anOnlineStatusSentBeforeTheSeatDiedAndDeliveredLateIsNoAnswerToARollCall() {
        updater.apply(online("s-001", T), T);
        rollCall();

        updater.apply(online("s-001", T + 500), now.get()); // its last words, held by a node that came back
        outwaitTheRollCall();
        assertThat(sent.commandsTo("s-001")).as("a greeting: asked again, in case it missed the ask").hasSize(2);
        outwaitTheRollCall();
        assertThat(floor.seat("s-001").orElseThrow().online()).as("no answer to either ask: shown offline").isFalse();

        updater.apply(online("s-001", T + 600), now.get()); // more of them, after it was shown offline

        assertThat(floor.seat("s-001").orElseThrow().online()).as("a status is no proof of life").isFalse();
    }

    @Test
    void aSeatShownOfflineByARollCallThatSpeaksIsAskedAgainAndShownOnlineWhenItAnswers() {
        updater.apply(online("s-001", T), T);
        rollCall();
        outwaitTheRollCall();
        assertThat(floor.seat("s-001").orElseThrow().online()).isFalse();
        sent.commands.clear();

        updater.apply(online("s-001", now.get()), now.get()); // its link was only slow: it reconnects
        now.addAndGet(250);
        updater.tick();
        assertThat(floor.seat("s-001").orElseThrow().online()).as("not before it answers").isFalse();
        SentToSeats.Sent ask = sent.commands.stream().filter(s -> s.seat().equals("s-001")).findFirst().orElseThrow();
        updater.apply(result("s-001", ask.command().id()), now.get());

        assertThat(floor.seat("s-001").orElseThrow().online()).isTrue();
    }

    @Test
    void aSeatThatConnectsAfterTheRollCallAskedItIsAskedAgainAndNeverShownOffline() {
        updater.apply(online("s-001", T), T);
        rollCall(); // its ask goes at QoS 0 while the seat is away (starting, or moving to another node)
        Command missed = sent.commandsTo("s-001").get(0);
        sent.commands.clear();
        now.addAndGet(10_000);

        updater.apply(online("s-001", now.get()), now.get()); // it connects and greets, 10 s into the roll call
        now.addAndGet(250);
        updater.tick();
        List<Command> again = sent.commandsTo("s-001");
        assertThat(again).singleElement().isInstanceOf(Command.Rebirth.class);
        assertThat(again.get(0).id()).isNotEqualTo(missed.id());
        now.addAndGet(6_000); // past the first ask's deadline
        updater.tick();
        answers("s-001", again.get(0).id());
        outwaitTheRollCall();

        assertThat(floor.seat("s-001").orElseThrow().online()).isTrue();
        assertThat(changes).noneMatch(view -> view.seat().equals("s-001") && !view.online());
    }

    @Test
    void aLiveSeatShownOfflineByALateLastWillIsAskedAtOnceAndShownOnlineByItsAnswer() {
        updater.apply(online("s-001", T), T);
        sent.commands.clear();
        now.addAndGet(30_000);

        // the Will of a connection the seat has since replaced, delivered after its new online status
        updater.apply(offline("s-001", T), now.get());
        assertThat(floor.seat("s-001").orElseThrow().online()).isFalse();
        SentToSeats.Sent ask = sent.commands.stream().filter(s -> s.seat().equals("s-001")).findFirst().orElseThrow();
        assertThat(ask.command()).isInstanceOf(Command.Rebirth.class);
        answers("s-001", ask.command().id());

        assertThat(floor.seat("s-001").orElseThrow().online()).isTrue();
    }

    @Test
    void aStandbyHoldsItsRebirthForALateLastWillAndSendsNoneWhenThePrimaryAsksTheSeat() {
        updater.apply(online("s-001", T), T);
        updater.apply(online("s-002", T), T);
        sent.commands.clear();
        role.role = Role.STANDBY;
        now.addAndGet(30_000);

        updater.apply(offline("s-001", T), now.get()); // late Wills, heard by both gateways
        updater.apply(offline("s-002", T), now.get());
        updater.tick();
        assertThat(sent.commands).as("held: the primary asks first").isEmpty();
        updater.partnerAsked("s-001", new Command.Rebirth(RollCall.SINGLE_PREFIX + "partner1-x", now.get()));
        now.addAndGet(RollCall.PARTNER_FIRST_MS);
        updater.tick();

        assertThat(sent.commands).as("s-002 only: the primary did not ask it").extracting(SentToSeats.Sent::seat)
                .containsExactly("s-002");
        assertThat(sent.commands.get(0).command().id()).startsWith(RollCall.SINGLE_PREFIX);
    }

    @Test
    void aPrimaryAsksNoSingleRebirthOfASeatThePartnerAskedLately() {
        updater.apply(online("s-001", T), T);
        updater.apply(online("s-002", T), T);
        sent.commands.clear();
        now.addAndGet(30_000);
        updater.partnerAsked("s-001", new Command.Rebirth(RollCall.SINGLE_PREFIX + "partner1-x", now.get()));

        updater.apply(offline("s-001", T), now.get());
        updater.apply(offline("s-002", T), now.get());
        assertThat(sent.commands).as("its answer to the partner's ask reaches this gateway too")
                .extracting(SentToSeats.Sent::seat).containsExactly("s-002");
    }

    @Test
    void aSeatShownOfflineThatGoesOnSendingEventsIsAskedForARebirthAtMostEvery30Seconds() {
        updater.apply(online("s-001", T), T);
        updater.apply(offline("s-001", T), T); // its Will: asked once, and the answer was lost
        sent.commands.clear();
        now.addAndGet(FloorUpdater.REBIRTH_INTERVAL_MS);

        updater.apply(event("s-001", 1), now.get());
        updater.apply(event("s-001", 2), now.get());
        assertThat(sent.commands).extracting(SentToSeats.Sent::seat).containsExactly("s-001");
        answers("s-001", sent.commands.get(0).command().id());

        assertThat(floor.seat("s-001").orElseThrow().online()).isTrue();
    }

    @Test
    void aRetainedOfflineStatusHandedOverOnSubscribingAsksNothing() {
        updater.apply(offline("s-001", T), T, true);

        assertThat(floor.seat("s-001").orElseThrow().online()).isFalse();
        assertThat(sent.commands).isEmpty();
    }

    @Test
    void aLateAnswerToTheAskThatGaveASeatUpStillShowsItOnline() {
        updater.apply(online("s-001", T), T);
        rollCall();
        SentToSeats.Sent ask = sent.commands.get(0);
        outwaitTheRollCall();
        assertThat(floor.seat("s-001").orElseThrow().online()).isFalse();

        answer(ask); // on a busy cluster: 16 s late, but after the ask

        assertThat(floor.seat("s-001").orElseThrow().online()).isTrue();
    }

    @Test
    void aStatusNamingTheAskAnswersItAtOnce() {
        updater.apply(online("s-001", T), T);
        rollCall();
        String ask = sent.commandsTo("s-001").get(0).id();
        outwaitTheRollCall();
        assertThat(floor.seat("s-001").orElseThrow().online()).isFalse();

        answers("s-001", ask);

        assertThat(floor.seat("s-001").orElseThrow().online()).isTrue();
    }

    @Test
    void thePartnersRollCallStartsOneOfItsOwnOnceAndItsAnswersAreNoMoves() {
        List<String> seats = everySeatOnlineAWhile();
        for (String seat : seats.subList(1, seats.size())) { // the other gateway rolls call; the first seat died
            partnerAsked(seat);
        }
        for (int second = 0; second < 10; second++) {
            now.addAndGet(1_000);
            updater.tick();
        }
        assertThat(metrics.rebirthCount()).as("one roll call of its own: every seat asked once")
                .isEqualTo(seats.size());
        sent.commands.stream().filter(ask -> !ask.seat().equals(seats.get(0))).forEach(this::answer);
        seats.subList(1, seats.size()).forEach(this::partnerAsked); // the partner's next roll call, within the minute
        outwaitTheRollCall();

        assertThat(metrics.rebirthCount()).as("no second one").isEqualTo(seats.size());
        assertThat(floor.seat(seats.get(0)).orElseThrow().online()).as("the seat that died, found by its own")
                .isFalse();
        assertThat(floor.seat(seats.get(1)).orElseThrow().online()).isTrue();
    }

    @Test
    void aSeatThatAnsweredOneRollCallOfThePartnersAndThenDiedWithItsNodeIsFoundByJoiningTheNext() {
        List<String> seats = everySeatOnlineAWhile();
        String doomed = seats.get(0);
        RollCall partner = new RollCall();
        partner.start(seats, now.get()); // the partner takes the floor: every seat answers it, and this gateway's join
        partner.due(now.get() + 1_000).forEach(ask -> answers(ask.seat(), ask.commandId()));
        now.addAndGet(1_000);
        updater.tick();
        List.copyOf(sent.commands).forEach(this::answer);
        outwaitTheRollCall();
        sent.commands.clear();

        // a node dies with the doomed seat and its Last Will; the partner's link comes back, it calls the roll again
        partner.startAfterLinkLoss(seats, now.get(), false);
        partner.due(now.get() + 1_000).stream().filter(ask -> !ask.seat().equals(doomed))
                .forEach(ask -> answers(ask.seat(), ask.commandId()));
        now.addAndGet(1_000);
        updater.tick();
        List.copyOf(sent.commands).stream().filter(ask -> !ask.seat().equals(doomed)).forEach(this::answer);
        outwaitTheRollCall();

        assertThat(floor.seat(doomed).orElseThrow().online()).as("found by joining the partner's second roll call")
                .isFalse();
        assertThat(floor.seat(seats.get(1)).orElseThrow().online()).isTrue();
    }

    @Test
    void answersToThePartnersJoinOfARollCallStartNone() {
        List<String> seats = everySeatOnlineAWhile();
        for (String seat : seats) {
            answers(seat, RollCall.JOIN_PREFIX + "partner1-" + seat);
        }
        now.addAndGet(1_000);
        updater.tick();

        assertThat(metrics.rebirthCount()).isZero();
    }

    @Test
    void anAnswerToARebirthThatIsNoRollCallsStartsNone() {
        List<String> seats = everySeatOnlineAWhile();
        for (String seat : seats) { // a supervisor's rebirth, or one this gateway asked of a single seat, answered twice
            for (int twice = 0; twice < 2; twice++) {
                answers(seat, "cmd-" + seat);
            }
        }
        now.addAndGet(1_000);
        updater.tick();

        assertThat(metrics.rebirthCount()).isZero();
    }

    @Test
    void aStandbyFollowsThePrimarysRollCallInsteadOfAskingAndShowsTheSeatThatDidNotAnswerOffline() {
        List<String> seats = everySeatOnlineAWhile();
        String doomed = seats.get(0);
        role.role = Role.STANDBY;
        updater.linkCameBack(); // a node died under both gateways: each calls the roll
        for (String seat : seats) { // the primary asks every seat, at once; the standby hears its asks
            updater.partnerAsked(seat, new Command.Rebirth(RollCall.ID_PREFIX + "partner1-n1-" + seat, now.get()));
        }
        now.addAndGet(RollCall.PARTNER_FIRST_MS + 1_000);
        updater.tick();
        seats.stream().filter(seat -> !seat.equals(doomed))
                .forEach(seat -> answers(seat, RollCall.ID_PREFIX + "partner1-n1-" + seat));
        now.addAndGet(1_000);
        updater.tick();
        outwaitTheRollCall();

        assertThat(metrics.rebirthCount()).as("every seat asked once, by the primary: none here, and no join")
                .isZero();
        assertThat(floor.seat(doomed).orElseThrow().online()).as("found by the primary's asks, followed").isFalse();
        assertThat(floor.seat(seats.get(1)).orElseThrow().online()).isTrue();
    }

    @Test
    void aStandbyAsksTheSeatsThePrimaryHasNotAskedWhenItsHoldEnds() {
        List<String> seats = everySeatOnlineAWhile();
        role.role = Role.STANDBY;
        updater.startRollCall();
        List<String> askedByThePrimary = seats.subList(0, seats.size() / 2);
        askedByThePrimary.forEach(seat -> updater.partnerAsked(seat,
                new Command.Rebirth(RollCall.ID_PREFIX + "partner1-n1-" + seat, now.get())));
        now.addAndGet(1_000);
        updater.tick();
        assertThat(sent.commands).as("held").isEmpty();

        now.addAndGet(RollCall.PARTNER_FIRST_MS);
        updater.tick();

        assertThat(sent.commands.stream().map(SentToSeats.Sent::seat).toList())
                .containsExactlyElementsOf(seats.subList(seats.size() / 2, seats.size()));
    }

    @Test
    void thePrimaryAsksAtOnceAndFollowsTheStandbysAsksOfSeatsItHasNotAskedYet() {
        List<String> seats = everySeatOnlineAWhile();
        updater.startRollCall(); // the primary: no hold
        updater.partnerAsked(seats.get(0), new Command.Rebirth(RollCall.ID_PREFIX + "partner1-n1-x", now.get()));
        now.addAndGet(1_000);
        updater.tick();

        assertThat(sent.commands.stream().map(SentToSeats.Sent::seat).toList())
                .containsExactlyElementsOf(seats.subList(1, seats.size()));
    }

    /** The seat answers a rebirth the other gateway of the pair asked. */
    private void partnerAsked(String seat) {
        answers(seat, RollCall.ID_PREFIX + "partner1-" + seat);
    }

    /** The seat's online status naming the rebirth {@code ask} it answers. */
    private void answers(String seat, String ask) {
        updater.apply(new Decoded.Accepted(Topic.seat("hq", "f1", seat, Topic.Kind.STATUS),
                SeatStatus.online("b", "1", now.get()).answering(ask)), now.get());
    }

    /** Every seat of the floor online, and long enough ago that its next online status may be a move. */
    private List<String> everySeatOnlineAWhile() {
        List<String> seats = floor.site().seats().stream().map(spec -> spec.seat()).toList();
        seats.forEach(seat -> updater.apply(online(seat), T));
        now.addAndGet(SeatMoves.QUIET_MS);
        return seats;
    }

    @Test
    void aSeatOutsideTheMapIsCountedAsRejected() {
        updater.apply(event("s-999", 1), T);

        assertThat(metrics.rejectedCount(RejectReason.UNKNOWN_SEAT)).isEqualTo(1);
        assertThat(changes).isEmpty();
    }

    @Test
    void aGapIsHeldAndCountedThenFilledInOrder() {
        updater.apply(online("s-001"), T);
        updater.apply(event("s-001", 1), T);
        updater.apply(event("s-001", 3), T);
        assertThat(metrics.gapCount()).isEqualTo(1);
        assertThat(changes).extracting(SeatView::seq).containsExactly(0L, 1L);

        updater.apply(event("s-001", 2), T);

        assertThat(changes).extracting(SeatView::seq).containsExactly(0L, 1L, 2L, 3L);
    }

    private static Decoded.Accepted event(String seat, long seq, String boot, long at) {
        return new Decoded.Accepted(Topic.seat("hq", "f1", seat, Topic.Kind.EVENT),
                new SeatEvent(seat, "a1001", AgentState.READY, AgentState.BUSY, null, false, at, seq, boot, Cause.BUTTON));
    }

    private List<String> alertTypes(String seat) {
        floor.updateAlerts(floor.kpis(now.get()), java.util.Set.of(), now.get());
        return floor.alerts().stream().filter(alert -> seat.equals(alert.seat())).map(Alert::type).toList();
    }

    /** Lets every reorder timeout run out: held events are released, a replay and a rebirth asked for. */
    private void outwaitTheReorderTimeouts() {
        for (int i = 0; i < 4; i++) {
            now.addAndGet(2_000);
            updater.tick();
        }
    }

    @Test
    void theReplaysThisGatewayAsksAreKnownAsItsOwnAndNoOtherGatewaysAre() {
        FloorUpdater partner = new FloorUpdater(floor, new SeatProgress(), new Metrics(), new RejectLog(now::get),
                view -> { }, new SentToSeats(), (seat, result) -> { }, now::get, new FakeRole("gateway-b"), 2_000);
        updater.apply(online("s-001"), T);
        updater.apply(event("s-001", 1), T);
        updater.apply(event("s-001", 4), T); // a gap: a replay after the reorder timeout
        updater.apply(event("s-002", 1), T);
        updater.apply(event("s-002", 3 + FloorUpdater.MAX_SEQ_JUMP), T); // a seq jump: a replay at once

        now.addAndGet(2_000);
        updater.tick();

        List<Command> asked = sent.commands.stream().map(SentToSeats.Sent::command)
                .filter(Command.Replay.class::isInstance).toList();
        assertThat(asked).hasSize(2).allSatisfy(replay -> {
            assertThat(updater.askedReplay(replay.id())).isTrue();
            assertThat(partner.askedReplay(replay.id())).isFalse();
        });
        assertThat(updater.askedReplay("3f0c2a52-6f3e-4b43-9a59-1c2d6e8f0a11")).as("an older gateway's").isFalse();
    }

    @Test
    void anEventFarBeyondTheLastAppliedIsRefusedAsASeqJumpAndTheSeatsRealStreamKeepsFlowing() {
        updater.apply(online("s-001"), T);
        for (long seq = 1; seq <= 3; seq++) {
            updater.apply(event("s-001", seq), T);
        }

        updater.apply(event("s-001", 3 + FloorUpdater.MAX_SEQ_JUMP + 1), T);
        outwaitTheReorderTimeouts();
        updater.apply(event("s-001", 4), T);
        updater.apply(event("s-001", 5), T);

        assertThat(floor.seat("s-001").orElseThrow().seq()).isEqualTo(5);
        assertThat(metrics.rejectedCount(RejectReason.SEQ_JUMP)).isEqualTo(1);
        assertThat(sent.commandsTo("s-001")).singleElement().isInstanceOfSatisfying(Command.Replay.class,
                replay -> assertThat(replay.from()).isEqualTo(4));
        assertThat(alertTypes("s-001")).contains(Alert.SEQ_JUMP);
    }

    @Test
    void aRealStreamWhoseGapIsGoneForGoodIsTakenAfterThreeInARowWithNothingOfItLost() {
        updater.apply(online("s-001"), T);
        updater.apply(event("s-001", 1), T);
        long far = 1 + FloorUpdater.MAX_SEQ_JUMP + 1_000; // the broker dropped them, the journal no longer has them

        updater.apply(event("s-001", far), T);
        updater.apply(event("s-001", far + 1), T);
        updater.apply(event("s-001", far + 2), T);
        outwaitTheReorderTimeouts();

        assertThat(floor.seat("s-001").orElseThrow().seq()).isEqualTo(far + 2);
        assertThat(changes).extracting(SeatView::seq).containsSubsequence(1L, far, far + 1, far + 2);
        assertThat(metrics.rejectedCount(RejectReason.SEQ_JUMP)).isEqualTo(2);
    }

    @Test
    void aJumpWithinTheBoundIsAGapAndASnapshotFarAheadIsRefusedLikeAnEvent() {
        updater.apply(online("s-001"), T);
        updater.apply(event("s-001", 1), T);
        updater.apply(new Decoded.Accepted(Topic.seat("hq", "f1", "s-001", Topic.Kind.STATE), new SeatState("s-001",
                "a1001", AgentState.READY, null, false, T, Long.MAX_VALUE >> 11, "b")), T);
        updater.apply(event("s-001", 1 + FloorUpdater.MAX_SEQ_JUMP), T);
        outwaitTheReorderTimeouts();
        updater.apply(event("s-001", 2 + FloorUpdater.MAX_SEQ_JUMP), T);

        assertThat(metrics.rejectedCount(RejectReason.SEQ_JUMP)).isEqualTo(1);
        assertThat(floor.seat("s-001").orElseThrow().seq()).isEqualTo(2 + FloorUpdater.MAX_SEQ_JUMP);
    }

    @Test
    void aTerminalRestartedBelowTheFloorsSeqIsSentItsConfigOnceAndFlaggedUntilItCatchesUp() {
        updater.apply(online("s-001"), T);
        for (long seq = 1; seq <= 40; seq++) {
            updater.apply(event("s-001", seq, "old-pi", T + seq), T);
        }

        updater.apply(event("s-001", 1, "new-pi", T + 1_000), T);
        updater.apply(event("s-001", 2, "new-pi", T + 2_000), T);

        assertThat(sent.configs).containsExactly("s-001");
        assertThat(metrics.duplicateCount()).isEqualTo(2);
        assertThat(alertTypes("s-001")).contains(Alert.SEAT_BEHIND);
        assertThat(updater.lastApplied("s-001")).isEqualTo(40);

        updater.apply(event("s-001", 41, "new-pi", T + 3_000), T);

        assertThat(floor.seat("s-001").orElseThrow().seq()).isEqualTo(41);
        assertThat(alertTypes("s-001")).doesNotContain(Alert.SEAT_BEHIND);
    }

    @Test
    void aReplayOfOldEventsIsNotTakenForATerminalBehind() {
        updater.apply(online("s-001"), T);
        updater.apply(event("s-001", 1, "boot-1", T + 1), T);
        updater.apply(event("s-001", 2, "boot-2", T + 2), T);

        updater.apply(event("s-001", 1, "boot-1", T + 1), T);

        assertThat(sent.configs).isEmpty();
        assertThat(alertTypes("s-001")).doesNotContain(Alert.SEAT_BEHIND);
    }

    @Test
    void aSeatGoingOfflineGetsItsConfigRepublishedForTheNextTerminal() {
        updater.apply(online("s-001"), T);
        updater.apply(event("s-001", 7), T);

        updater.apply(new Decoded.Accepted(Topic.seat("hq", "f1", "s-001", Topic.Kind.STATUS), SeatStatus.offline("b", T)), T);

        assertThat(sent.configs).containsExactly("s-001");
    }
}
