package dev.seatlink.gateway.acd;

import dev.seatlink.gateway.acd.CallsInProgress.CallInProgress;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.CallEvent;
import dev.seatlink.protocol.CtiEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asteriskjava.manager.event.AbstractAgentEvent;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;

/**
 * Asterisk's queue events as SeatLink's CTI events. Pure (asterisk-java's event objects in, records out); not
 * thread-safe: the AMI link calls it from its one thread.
 *
 * <ul>
 *   <li>{@code AgentCalled} → {@code call.offered}, {@code AgentConnect} → {@code call.answered},
 *       {@code AgentComplete} → {@code call.ended}, {@code AgentRingNoAnswer} → {@code call.missed}; the call id is
 *       the caller channel's {@code Uniqueid}, the agent the member's {@code Interface}; {@code AgentConnect}'s
 *       {@code HoldTime} (seconds: the caller's wait in the queue) is the answer's {@code waitMs}.
 *       ({@code AgentRingNoAnswer}'s {@code RingTime} is in ms, {@code AgentConnect}'s in s; neither is used.)</li>
 *   <li>{@code QueueMemberPause} (and {@code QueueMemberStatus}, which carries the member's pause with its device
 *       status) → {@code agent.paused} (reason {@code PausedReason}, which
 *       asterisk-java puts in {@code getPausedreason()} or {@code getPausedReason()} depending on its version) or {@code agent.unpaused}. A
 *       pause without a queue pauses the member in every queue and Asterisk says so once per queue: only a change
 *       of the interface's pause is passed on.</li>
 *   <li>{@code QueueMemberAdded}/{@code Removed} → {@code agent.login} when the interface joins its first queue,
 *       {@code agent.logout} when it leaves its last.</li>
 *   <li>After a (re)connect, a call it saw answered and never saw end, on a member {@code QueueStatus} says is in no
 *       call ({@code InCall: 0} in every queue), → {@code call.ended}: it ended while the link was down (an Asterisk
 *       restart ends every call), and the seat would otherwise stay Busy. A member whose rows carry no
 *       {@code InCall} (Asterisk before 12) or who is in no queue any more is left as it is.</li>
 * </ul>
 * Times are the gateway's receive time ({@code at}): Asterisk's events carry none of their own. A call event's id is
 * {@code ami-{type}-{DestUniqueid}} — the member's leg of the call, new on every ring (Asterisk re-rings a member with
 * the same call id) — so both gateways of a pair, each on its own AMI link, give the same event the same id, and a
 * seat drops the second (a standby forwards what it heard when it takes over: the primary may not have); an event
 * without that field (Asterisk before 12) or too long an id gets {@code ami-{link start}-{n}}, as do the others.
 */
public final class AmiTranslator {
    /** A CTI event's id: 1–64 printable ASCII (protocol/README.md). */
    private static final int MAX_ID_LENGTH = 64;
    private final String idPrefix;
    private long next;
    private final Map<String, MemberPause> pauses = new HashMap<>();
    private final Map<String, Set<String>> queues = new HashMap<>();
    /** Per member, the call it answered that has not ended yet, as far as the events said. */
    private final Map<String, CallInProgress> answered = new HashMap<>();

    public AmiTranslator(long linkStart) {
        this.idPrefix = "ami-" + linkStart + "-";
    }

    /**
     * What the ACD holds after a (re)connect's {@code QueueStatus}: the pauses and queues start from it.
     *
     * @param notInACall the members it says are in no call
     * @return a {@code call.ended} at {@code now} for each call answered on one of those that was never heard to end
     */
    public List<CtiEvent> reconciled(List<MemberPause> members, Map<String, Set<String>> memberQueues,
                                     Set<String> notInACall, long now) {
        pauses.clear();
        members.forEach(m -> pauses.put(m.member(), m));
        queues.clear();
        memberQueues.forEach((member, in) -> queues.put(member, new HashSet<>(in)));
        List<CtiEvent> ended = new ArrayList<>();
        for (String member : notInACall) {
            CallInProgress call = answered.remove(member);
            if (call != null) { // the id its AgentComplete would have had: a pair's two links end it once
                call(CallEventType.CALL_ENDED, member, call.callId(), call.leg(), null, now).ifPresent(ended::add);
            }
        }
        return ended;
    }

    /** The CTI event an AMI event means, if any, received at {@code now}. */
    public Optional<CtiEvent> translate(ManagerEvent event, long now) {
        if (event instanceof AgentCalledEvent called) {
            return call(CallEventType.CALL_OFFERED, called.getInterface(), called.getUniqueId(),
                    called.getDestUniqueId(), null, now);
        }
        if (event instanceof AgentConnectEvent || event instanceof AgentCompleteEvent
                || event instanceof AgentRingNoAnswerEvent) {
            AbstractAgentEvent agent = (AbstractAgentEvent) event;
            CallEventType type = event instanceof AgentConnectEvent ? CallEventType.CALL_ANSWERED
                    : event instanceof AgentCompleteEvent ? CallEventType.CALL_ENDED : CallEventType.CALL_MISSED;
            Long wait = event instanceof AgentConnectEvent connect && connect.getHoldTime() != null
                    && connect.getHoldTime() >= 0 ? connect.getHoldTime() * 1000 : null; // s: the caller's queue wait
            String leg = legOf(agent);
            Optional<CtiEvent> cti = call(type, memberOf(agent), agent.getUniqueId(), leg, wait, now);
            cti.ifPresent(call -> track(call, leg));
            return cti;
        }
        if (event instanceof QueueMemberPauseEvent pause) {
            boolean paused = Boolean.TRUE.equals(pause.getPaused());
            return paused(pause.getInterface(), paused, paused ? printable(firstGiven(pause.getPausedreason(),
                    pause.getPausedReason(), pause.getReason())) : null, now);
        }
        if (event instanceof QueueMemberStatusEvent status) { // a device's status, with the member's pause in it
            String member = status.getInterface() != null ? status.getInterface() : status.getLocation();
            boolean paused = Boolean.TRUE.equals(status.getPaused());
            return member == null ? Optional.empty()
                    : paused(member, paused, paused ? printable(status.getPausedreason()) : null, now);
        }
        if (event instanceof QueueMemberAddedEvent added) {
            Set<String> in = queues.computeIfAbsent(added.getInterface(), i -> new HashSet<>());
            boolean first = in.isEmpty();
            in.add(added.getQueue());
            return first ? agent(CallEventType.AGENT_LOGIN, added.getInterface(), null, now) : Optional.empty();
        }
        if (event instanceof QueueMemberRemovedEvent removed) {
            Set<String> in = queues.getOrDefault(removed.getInterface(), new HashSet<>());
            boolean was = in.remove(removed.getQueue());
            return was && in.isEmpty() ? agent(CallEventType.AGENT_LOGOUT, removed.getInterface(), null, now)
                    : Optional.empty();
        }
        return Optional.empty();
    }

    private void track(CtiEvent call, String leg) {
        if (call.type() == CallEventType.CALL_ANSWERED) {
            answered.put(call.agent(), new CallInProgress(call.callId(), leg));
        } else if (call.type() == CallEventType.CALL_ENDED) {
            CallInProgress open = answered.get(call.agent());
            if (open != null && open.callId().equals(call.callId())) {
                answered.remove(call.agent());
            }
        }
    }

    /** The calls answered and not heard to end, by member: what a restarted gateway starts from ({@link #resume}). */
    public Map<String, CallInProgress> inProgress() {
        return Map.copyOf(answered);
    }

    /** Starts from the calls in progress a gateway kept before it restarted: a reconnect's read may end them. */
    public void resume(Map<String, CallInProgress> calls) {
        calls.forEach(answered::putIfAbsent);
    }

    /** The ACD's pause of a member now, as last heard (null when never heard). */
    public MemberPause pauseOf(String member) {
        return pauses.get(member);
    }

    /** A member's pause as an event reported it: passed on only when it changed (Asterisk says it once per queue). */
    private Optional<CtiEvent> paused(String member, boolean paused, String reason, long now) {
        if (member == null) {
            return Optional.empty();
        }
        MemberPause heard = new MemberPause(member, paused, reason);
        if (heard.sameAs(pauses.get(member))) {
            return Optional.empty(); // the same pause again, from the member's next queue
        }
        pauses.put(member, heard);
        return agent(paused ? CallEventType.AGENT_PAUSED : CallEventType.AGENT_UNPAUSED, member, reason, now);
    }

    /**
     * A pause reason fit for the contract (printable, at most 64 characters), or null for none. asterisk-java fills one
     * of two setters for {@code PausedReason} depending on its version (#545); Asterisk before 13 said {@code Reason}.
     */
    private static String printable(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String printable = reason.strip().replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > CallEvent.MAX_REASON_LENGTH ? printable.substring(0, CallEvent.MAX_REASON_LENGTH)
                : printable;
    }

    private static String firstGiven(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The member's interface: Asterisk 12+ says {@code Interface}; older ones only {@code Member}. */
    private static String memberOf(AbstractAgentEvent event) {
        String iface = event instanceof AgentConnectEvent c ? c.getInterface()
                : event instanceof AgentCompleteEvent c ? c.getInterface()
                : ((AgentRingNoAnswerEvent) event).getInterface();
        return iface != null ? iface : event.getMember();
    }

    /** The member's leg of the call ({@code DestUniqueid}), or null. */
    private static String legOf(AbstractAgentEvent event) {
        return event instanceof AgentConnectEvent c ? c.getDestUniqueId()
                : event instanceof AgentCompleteEvent c ? c.getDestUniqueId()
                : ((AgentRingNoAnswerEvent) event).getDestUniqueId();
    }

    private Optional<CtiEvent> call(CallEventType type, String member, String callId, String leg, Long waitMs,
                                    long now) {
        if (member == null || callId == null) {
            return Optional.empty();
        }
        return Optional.of(new CtiEvent(callEventId(type, leg), type, member, callId, now, null,
                waitMs == null ? null : Math.min(waitMs, CtiEvent.MAX_WAIT_MS)));
    }

    /** The same at both gateways of a pair where the leg allows (see the class comment). */
    private String callEventId(CallEventType type, String leg) {
        String id = leg == null ? null : "ami-" + type.wire() + "-" + leg;
        return id != null && id.length() <= MAX_ID_LENGTH && id.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? id
                : idPrefix + ++next;
    }

    private Optional<CtiEvent> agent(CallEventType type, String member, String reason, long now) {
        return member == null ? Optional.empty()
                : Optional.of(new CtiEvent(idPrefix + ++next, type, member, null, now, reason));
    }
}
