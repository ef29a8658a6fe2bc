package dev.seatlink.gateway.acd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.CtiEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.junit.jupiter.api.Test;

class AmiTranslatorTest {
    private static final long T = 1_764_590_400_000L;
    private static final String MEMBER = "PJSIP/1001";
    private final AmiTranslator translator = new AmiTranslator(T);

    private static <E extends org.asteriskjava.manager.event.AbstractAgentEvent> E agentEvent(E event, String uniqueId) {
        event.setUniqueId(uniqueId);
        return event;
    }

    private static QueueMemberPauseEvent pause(String queue, boolean paused, String reason) {
        QueueMemberPauseEvent event = new QueueMemberPauseEvent(new Object());
        event.setQueue(queue);
        event.setInterface(MEMBER);
        event.setPaused(paused);
        event.setPausedreason(reason);
        return event;
    }

    @Test
    void aQueueCallsEventsBecomeOfferedAnsweredEndedAndMissedUnderTheCallersUniqueid() {
        AgentCalledEvent called = new AgentCalledEvent(new Object());
        called.setInterface(MEMBER);
        called.setUniqueId("1764590400.42");
        AgentConnectEvent connect = agentEvent(new AgentConnectEvent(new Object()), "1764590400.42");
        connect.setInterface(MEMBER);
        AgentCompleteEvent complete = agentEvent(new AgentCompleteEvent(new Object()), "1764590400.42");
        complete.setInterface(MEMBER);
        AgentRingNoAnswerEvent missed = agentEvent(new AgentRingNoAnswerEvent(new Object()), "1764590400.43");
        missed.setInterface(MEMBER);

        List<CtiEvent> events = List.of(called, connect, complete, missed).stream()
                .map(e -> translator.translate(e, T).orElseThrow()).toList();

        assertThat(events).extracting(CtiEvent::type).containsExactly(CallEventType.CALL_OFFERED,
                CallEventType.CALL_ANSWERED, CallEventType.CALL_ENDED, CallEventType.CALL_MISSED);
        assertThat(events).extracting(CtiEvent::callId).containsExactly("1764590400.42", "1764590400.42",
                "1764590400.42", "1764590400.43");
        assertThat(events).extracting(CtiEvent::agent).containsOnly(MEMBER);
        assertThat(events).extracting(CtiEvent::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("ami-" + T));
    }

    private static List<org.asteriskjava.manager.event.ManagerEvent> aCallOnLeg(String leg) {
        AgentCalledEvent called = new AgentCalledEvent(new Object());
        called.setInterface(MEMBER);
        called.setUniqueId("1764590400.42");
        called.setDestUniqueId(leg);
        AgentConnectEvent connect = agentEvent(new AgentConnectEvent(new Object()), "1764590400.42");
        connect.setInterface(MEMBER);
        connect.setDestUniqueId(leg);
        AgentCompleteEvent complete = agentEvent(new AgentCompleteEvent(new Object()), "1764590400.42");
        complete.setInterface(MEMBER);
        complete.setDestUniqueId(leg);
        return List.of(called, connect, complete);
    }

    @Test
    void bothGatewaysOfAPairGiveACallsEventsTheSameIdsFromTheMembersLeg() {
        AmiTranslator other = new AmiTranslator(T + 3_600_000); // the pair's other gateway, started an hour later

        List<String> here = aCallOnLeg("1764590400.44").stream().map(e -> translator.translate(e, T).orElseThrow().id())
                .toList();
        List<String> there = aCallOnLeg("1764590400.44").stream().map(e -> other.translate(e, T).orElseThrow().id())
                .toList();

        assertThat(here).containsExactly("ami-call.offered-1764590400.44", "ami-call.answered-1764590400.44",
                "ami-call.ended-1764590400.44");
        assertThat(there).isEqualTo(here);
        assertThat(aCallOnLeg("1764590400.45").stream().map(e -> translator.translate(e, T).orElseThrow().id()))
                .as("a re-ring is a new leg").doesNotContainAnyElementsOf(here);
    }

    @Test
    void aLegTooLongForAnIdFallsBackToTheLinksOwnNumbering() {
        String leg = "a-very-long-system-name-set-in-asterisk-conf-1764590400.44";

        assertThat(aCallOnLeg(leg).stream().map(e -> translator.translate(e, T).orElseThrow().id()))
                .allMatch(id -> id.startsWith("ami-" + T + "-"));
    }

    @Test
    void aCallEndedByTheReconnectHasTheIdItsAgentCompleteWouldHaveHad() {
        List<org.asteriskjava.manager.event.ManagerEvent> call = aCallOnLeg("1764590400.44");
        translator.translate(call.get(0), T);
        translator.translate(call.get(1), T);

        List<CtiEvent> ended = translator.reconciled(List.of(), Map.of(), Set.of(MEMBER), T + 60_000);

        assertThat(ended).extracting(CtiEvent::id).containsExactly("ami-call.ended-1764590400.44");
    }

    @Test
    void aCallKeptByTheGatewayBeforeItRestartedIsEndedWhenTheFirstReadSaysItsMemberIsInNoCall() {
        List<org.asteriskjava.manager.event.ManagerEvent> call = aCallOnLeg("1764590400.44");
        translator.translate(call.get(0), T);
        translator.translate(call.get(1), T);
        AmiTranslator restarted = new AmiTranslator(T + 60_000);

        restarted.resume(translator.inProgress());

        assertThat(restarted.reconciled(List.of(), Map.of(), Set.of(MEMBER), T + 60_000)).singleElement()
                .extracting(CtiEvent::id, CtiEvent::callId)
                .containsExactly("ami-call.ended-1764590400.44", "1764590400.42");
        assertThat(restarted.inProgress()).isEmpty();
    }

    @Test
    void aPauseReportedOncePerQueueIsPassedOnOnceWithItsReason() {
        assertThat(translator.translate(pause("support", true, "Lunch Break"), T).orElseThrow())
                .extracting(CtiEvent::type, CtiEvent::reason).containsExactly(CallEventType.AGENT_PAUSED, "Lunch Break");
        assertThat(translator.translate(pause("sales", true, "Lunch Break"), T)).as("the same, its next queue").isEmpty();
        assertThat(translator.translate(pause("support", false, null), T).orElseThrow().type())
                .isEqualTo(CallEventType.AGENT_UNPAUSED);
        assertThat(translator.pauseOf(MEMBER)).isEqualTo(MemberPause.unpaused(MEMBER));
    }

    private void answered(String member, String uniqueId) {
        AgentConnectEvent connect = agentEvent(new AgentConnectEvent(new Object()), uniqueId);
        connect.setInterface(member);
        translator.translate(connect, T);
    }

    @Test
    void aCallAnsweredThatNeverEndedIsEndedWhenTheReconnectSaysItsMemberIsInNoCall() {
        answered(MEMBER, "1764590400.42");
        answered("PJSIP/1002", "1764590400.43");

        List<CtiEvent> ended = translator.reconciled(List.of(), Map.of(), Set.of(MEMBER), T + 60_000);

        assertThat(ended).singleElement().satisfies(call -> {
            assertThat(call.type()).isEqualTo(CallEventType.CALL_ENDED);
            assertThat(call.agent()).isEqualTo(MEMBER);
            assertThat(call.callId()).isEqualTo("1764590400.42");
            assertThat(call.at()).isEqualTo(T + 60_000);
        });
        assertThat(translator.reconciled(List.of(), Map.of(), Set.of(MEMBER), T + 90_000)).as("ended once").isEmpty();
        assertThat(translator.reconciled(List.of(), Map.of(), Set.of(MEMBER, "PJSIP/1002"), T + 90_000))
                .as("the other member was still in its call at the first reconnect").extracting(CtiEvent::callId)
                .containsExactly("1764590400.43");
    }

    @Test
    void aCallHeardToEndIsNotEndedAgainByAReconnect() {
        answered(MEMBER, "1764590400.42");
        AgentCompleteEvent complete = agentEvent(new AgentCompleteEvent(new Object()), "1764590400.42");
        complete.setInterface(MEMBER);
        translator.translate(complete, T);

        assertThat(translator.reconciled(List.of(), Map.of(), Set.of(MEMBER), T)).isEmpty();
    }

    @Test
    void joiningTheFirstQueueIsALoginAndLeavingTheLastALogout() {
        translator.reconciled(List.of(), Map.of(MEMBER, Set.of("support")), Set.of(), T);
        QueueMemberAddedEvent added = new QueueMemberAddedEvent(new Object());
        added.setInterface(MEMBER);
        added.setQueue("sales");
        QueueMemberRemovedEvent leftSupport = new QueueMemberRemovedEvent(new Object());
        leftSupport.setInterface(MEMBER);
        leftSupport.setQueue("support");
        QueueMemberRemovedEvent leftSales = new QueueMemberRemovedEvent(new Object());
        leftSales.setInterface(MEMBER);
        leftSales.setQueue("sales");

        assertThat(translator.translate(added, T)).as("already in a queue").isEmpty();
        assertThat(translator.translate(leftSupport, T)).isEmpty();
        assertThat(translator.translate(leftSales, T).orElseThrow().type()).isEqualTo(CallEventType.AGENT_LOGOUT);
        assertThat(translator.translate(added, T).orElseThrow().type()).isEqualTo(CallEventType.AGENT_LOGIN);
    }

    @Test
    void aDevicesStatusCarriesTheMembersPauseAndIsPassedOnOnlyWhenThePauseChanged() {
        org.asteriskjava.manager.event.QueueMemberStatusEvent status =
                new org.asteriskjava.manager.event.QueueMemberStatusEvent(new Object());
        status.setInterface(MEMBER);
        status.setPaused(true);
        status.setPausedreason("lunch");

        assertThat(translator.translate(status, T).orElseThrow()).extracting(CtiEvent::type, CtiEvent::reason)
                .containsExactly(CallEventType.AGENT_PAUSED, "lunch");
        assertThat(translator.translate(status, T)).as("its device rang: the pause is the same").isEmpty();
        assertThat(translator.translate(pause("support", true, "lunch"), T)).isEmpty();
    }
}
