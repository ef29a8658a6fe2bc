package dev.seatlink.gateway.calls;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.CtiEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The shift's calls so far, per agent (or per seat for one without an agent), from the phone system's events and
 * the seats' states. Pure and single-threaded (the floor's event loop); bounded by the floor's seats and agents:
 * one open call per seat, one sum per agent.
 *
 * <p>A call counts as handled when it ends after being answered: talk is answered to ended, the hold inside it
 * from held to resumed (or to the end), the queue wait is what the ACD reported on answer. Its wrap-up is the
 * seat's next WRAP_UP, from when the floor saw it begin to when it saw it end. A missed call (ring, no answer)
 * counts for the agent it rang. Call times are the gateway's clock when each event came in; wrap-up is timed by the
 * seat's own event times (both ends on one clock).
 */
public final class CallBook {
    /** A call in progress at a seat. */
    private static final class OpenCall {
        final String callId;
        final long answeredAt;
        final Long waitMs;
        long heldSince = -1;
        long heldMs;

        OpenCall(String callId, long answeredAt, Long waitMs) {
            this.callId = callId;
            this.answeredAt = answeredAt;
            this.waitMs = waitMs;
        }
    }

    /** Who took a call: the agent (or the seat, without one) and the team of the seat. */
    private record Taker(String who, String team) {
    }

    /** A call that ended, waiting for the wrap-up that follows it before it is recorded. */
    private record Owed(Taker taker, CallRecord call) {
    }

    private final Map<String, OpenCall> open = new HashMap<>();
    /** Seats whose call ended and whose next wrap-up belongs to it, with who took the call. */
    private final Map<String, Owed> wrapUpOwed = new HashMap<>();
    private final CallRecords records;
    private final Map<String, Long> wrapUpSince = new HashMap<>();
    private final Map<String, CallFigures> byAgent = new HashMap<>();
    private final Map<String, CallFigures> byTeam = new HashMap<>();
    private long windowStart;

    public CallBook(long windowStart) {
        this(windowStart, CallRecords.NONE);
    }

    /** @param records where each finished call goes (the store, for reports) */
    public CallBook(long windowStart, CallRecords records) {
        this.windowStart = windowStart;
        this.records = records;
    }

    /** A new shift: the figures start again (calls in progress are counted in the shift they end in). */
    public void restart(long shiftStart) {
        if (shiftStart > windowStart) {
            windowStart = shiftStart;
            byAgent.clear();
            byTeam.clear();
        }
    }

    /**
     * The shift's finished calls as the store kept them, after a gateway restart: added to what this book holds
     * (calls in progress at the restart are not in the store, and are counted when they finish, from
     * {@link #answeredUnheard}).
     */
    public void restore(Map<String, CallFigures> agents, Map<String, CallFigures> teams) {
        agents.forEach((agent, f) -> byAgent.merge(agent, f, CallFigures::plus));
        teams.forEach((team, f) -> byTeam.merge(team, f, CallFigures::plus));
    }

    /**
     * A call this book never heard answered (it was answered before the gateway started) is ending at a seat that has
     * been Busy since {@code busySince}: it is counted from then, its queue wait unknown. Nothing changes when the
     * seat has an open call already.
     */
    public void answeredUnheard(String seat, String callId, long busySince) {
        open.putIfAbsent(seat, new OpenCall(callId, busySince, null));
    }

    /** A phone event for {@code seat}, taken (mapped, not a repeat) at {@code now}. */
    public void heard(SeatSpec seat, String agent, CtiEvent event, long now) {
        Taker taker = new Taker(agent != null ? agent : seat.seat(), seat.team());
        String id = seat.seat();
        switch (event.type()) {
            case CALL_ANSWERED -> {
                Owed before = wrapUpOwed.remove(id); // the next call came before any wrap-up: none to count
                if (before != null) {
                    wrapUpSince.remove(id);
                    records.finished(before.call());
                }
                open.put(id, new OpenCall(event.callId(), now, event.waitMs()));
            }
            case CALL_HELD -> {
                OpenCall call = open.get(id);
                if (call != null && call.callId.equals(event.callId()) && call.heldSince < 0) {
                    call.heldSince = now;
                }
            }
            case CALL_RESUMED -> {
                OpenCall call = open.get(id);
                if (call != null && call.callId.equals(event.callId()) && call.heldSince >= 0) {
                    call.heldMs += now - call.heldSince;
                    call.heldSince = -1;
                }
            }
            case CALL_ENDED -> {
                OpenCall call = open.get(id);
                if (call != null && call.callId.equals(event.callId())) {
                    open.remove(id);
                    long hold = call.heldMs + (call.heldSince >= 0 ? now - call.heldSince : 0);
                    long talk = now - call.answeredAt;
                    change(taker, f -> f.handled(talk, hold, call.waitMs));
                    wrapUpOwed.put(id, new Owed(taker, new CallRecord(id, agent, seat.team(), call.callId, now, talk,
                            hold, call.waitMs, 0, false)));
                }
            }
            case CALL_MISSED -> {
                change(taker, CallFigures::missedOne);
                records.finished(new CallRecord(id, agent, seat.team(), event.callId(), now, 0, 0, null, 0, true));
            }
            default -> {
                // offers, logins and the pause change no call figure
            }
        }
    }

    /** The seat is now in {@code state} (a change the floor applied at {@code now}): wrap-up is timed from it. */
    public void seatIs(String seat, AgentState state, long now) {
        Owed owed = wrapUpOwed.get(seat);
        if (owed == null) {
            return;
        }
        Long since = wrapUpSince.get(seat);
        if (state == AgentState.WRAP_UP) {
            if (since == null) {
                wrapUpSince.put(seat, now);
            }
            return;
        }
        if (since != null) {
            long wrap = now - since;
            change(owed.taker(), f -> f.wrappedUp(wrap));
            wrapUpSince.remove(seat);
            wrapUpOwed.remove(seat);
            records.finished(owed.call().wrappedUp(wrap));
        } else if (state != AgentState.BUSY) {
            wrapUpOwed.remove(seat); // ended straight into another state: no wrap-up to count
            records.finished(owed.call());
        }
    }

    /** One agent's figures this shift (or a seat's, for calls at a seat without an agent). */
    public CallFigures of(String agentOrSeat) {
        return byAgent.getOrDefault(agentOrSeat, CallFigures.NONE);
    }

    /** Every agent's (or agentless seat's) figures this shift. */
    public Map<String, CallFigures> byAgent() {
        return Map.copyOf(byAgent);
    }

    /** One team's figures this shift. */
    public CallFigures ofTeam(String team) {
        return byTeam.getOrDefault(team, CallFigures.NONE);
    }

    /** Whether the shift has any call figures yet (no copy made, unlike {@link #byTeam()}). */
    public boolean isEmpty() {
        return byTeam.isEmpty();
    }

    /** Every team's figures this shift, each call counted for the team of the seat that took it. */
    public Map<String, CallFigures> byTeam() {
        return Map.copyOf(byTeam);
    }

    private void change(Taker taker, java.util.function.UnaryOperator<CallFigures> how) {
        byAgent.put(taker.who(), how.apply(byAgent.getOrDefault(taker.who(), CallFigures.NONE)));
        byTeam.put(taker.team(), how.apply(byTeam.getOrDefault(taker.team(), CallFigures.NONE)));
    }
}
