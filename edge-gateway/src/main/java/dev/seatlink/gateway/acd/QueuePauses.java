package dev.seatlink.gateway.acd;

import dev.seatlink.gateway.cti.PauseReports;
import dev.seatlink.gateway.floor.SeatView;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.protocol.AgentState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each seat's queue pause, kept in step with the seat: what the ACD should hold (from the seat's state), what it
 * says it holds (its events and its status after a reconnect), and the pause actions that bring them together.
 * A pause counts as applied only when the ACD reports it; one not reported is asked again every
 * {@value #RETRY_MS} ms. Pure.
 *
 * <p>NOT_READY(reason) → paused with that reason, WRAP_UP → paused {@value #WRAP_UP_REASON} (Asterisk's own wrap-up
 * timer sends no event when it ends, so SeatLink owns wrap-up), LOGGED_OUT → paused {@value #LOGGED_OUT_REASON},
 * READY → unpaused. BUSY and an offline seat ask nothing: the ACD does not route to a member on a call, and an
 * offline terminal says nothing of its agent. A member the ACD does not list is in no queue: nothing to keep.
 */
public final class QueuePauses implements PauseReports {
    static final long RETRY_MS = 3_000;
    public static final String WRAP_UP_REASON = "wrap-up";
    public static final String LOGGED_OUT_REASON = "logged-out";

    /** A pause to ask of the ACD for a seat's member. */
    public record Action(String seat, MemberPause pause) {
    }

    private record Sent(MemberPause pause, long at) {
    }

    private final Map<String, MemberPause> reported = new HashMap<>();
    private final Map<String, Sent> sent = new HashMap<>();
    private final Map<String, Long> outOfStep = new HashMap<>();

    /** What the seat's state asks of its member's pause; null when it asks nothing. */
    public static MemberPause wanted(String member, SeatView seat) {
        if (!seat.online()) {
            return null;
        }
        return switch (AgentState.valueOf(seat.state())) {
            case READY -> MemberPause.unpaused(member);
            case NOT_READY -> new MemberPause(member, true, seat.reason());
            case WRAP_UP -> new MemberPause(member, true, WRAP_UP_REASON);
            case LOGGED_OUT -> new MemberPause(member, true, LOGGED_OUT_REASON);
            case BUSY -> null;
        };
    }

    /** The ACD reported a member's pause (an event, or its echo of an action). */
    public void reported(MemberPause pause) {
        reported.put(pause.member(), pause);
    }

    /** The ACD reported a seat's pause under any of its names: kept under its member interface (its first). */
    @Override
    public void reported(SeatSpec seat, boolean paused, String reason) {
        reported(new MemberPause(seat.acd().get(0), paused, paused ? reason : null));
    }

    /** The ACD's whole member list after a (re)connect: members it does not list are in no queue. */
    public void reconciled(List<MemberPause> members) {
        reported.clear();
        sent.clear();
        members.forEach(this::reported);
    }

    /** The link to the ACD is down: nothing it holds is known until it is read again. */
    public void forget() {
        reported.clear();
        sent.clear();
        outOfStep.clear();
    }

    /**
     * The actions due now for {@code wanted} (seat → its member's wanted pause; a seat may be absent or null when
     * it asks nothing), and each out-of-step seat's since is updated.
     */
    public List<Action> due(Map<String, MemberPause> wanted, long now) {
        List<Action> actions = new ArrayList<>();
        outOfStep.keySet().removeIf(seat -> wanted.get(seat) == null);
        wanted.forEach((seat, want) -> {
            MemberPause have = want == null ? null : reported.get(want.member());
            if (want == null || have == null || want.sameAs(have)) {
                outOfStep.remove(seat);
                if (want != null) {
                    sent.remove(want.member());
                }
                return;
            }
            outOfStep.putIfAbsent(seat, now);
            Sent last = sent.get(want.member());
            if (last == null || !last.pause().sameAs(want) || now - last.at() >= RETRY_MS) {
                sent.put(want.member(), new Sent(want, now));
                actions.add(new Action(seat, want));
            }
        });
        return actions;
    }

    /** Seats whose member's pause differs from what their state asks, and since when. */
    public Map<String, Long> outOfStep() {
        return Map.copyOf(outOfStep);
    }
}
