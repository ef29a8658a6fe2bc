package dev.seatlink.gateway.acd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * For teams whose sign-out takes the agent out of the queues ({@code "phone": {"signOut": "remove"}}): which queues
 * each member is in as the ACD reports it, the queues SeatLink took it out of, and the changes that keep the
 * membership in step with the seat — out of every queue while signed out, back into the same queues on signing in.
 * A change counts as made only when the ACD reports it ({@code QueueMemberRemoved}/{@code Added}); until then it
 * is asked again every {@value QueuePauses#RETRY_MS} ms. Pure.
 *
 * <p>The queues to put a member back into are remembered here: after a gateway restart while an agent was signed
 * out they are not known, and the member stays out until added at the PBX (the seat shows out of step).
 */
public final class QueueMembership {
    /** What a seat asks of its member: in its queues, or out of every one. */
    public record Want(String member, boolean inQueues) {
    }

    /** Queues to add the seat's member to ({@code add}) or remove it from. */
    public record Change(String seat, String member, boolean add, Set<String> queues) {
    }

    private final Map<String, Set<String>> queuesOf = new HashMap<>();
    private final Map<String, Set<String>> removedFrom = new HashMap<>();
    private final Map<String, Long> askedAt = new HashMap<>();
    private final Map<String, Long> outOfStep = new HashMap<>();

    /** Every member's queues after a (re)connect. */
    public void reconciled(Map<String, Set<String>> queues) {
        queuesOf.clear();
        askedAt.clear();
        queues.forEach((member, in) -> queuesOf.put(member, new HashSet<>(in)));
    }

    public void joined(String member, String queue) {
        queuesOf.computeIfAbsent(member, m -> new HashSet<>()).add(queue);
    }

    public void left(String member, String queue) {
        Set<String> in = queuesOf.get(member);
        if (in != null) {
            in.remove(queue);
        }
    }

    /** The link is down: what the ACD holds is unknown until it is read again (the queues to restore are kept). */
    public void forget() {
        queuesOf.clear();
        askedAt.clear();
        outOfStep.clear();
    }

    /** The changes due now for {@code wanted} (seat → want; absent when the seat asks nothing of its membership). */
    public List<Change> due(Map<String, Want> wanted, long now) {
        List<Change> changes = new ArrayList<>();
        outOfStep.keySet().removeIf(seat -> !wanted.containsKey(seat));
        wanted.forEach((seat, want) -> {
            Set<String> in = queuesOf.getOrDefault(want.member(), Set.of());
            Set<String> missing = new TreeSet<>(removedFrom.getOrDefault(want.member(), Set.of()));
            missing.removeAll(in);
            boolean inStep = want.inQueues() ? missing.isEmpty() : in.isEmpty();
            if (inStep) {
                outOfStep.remove(seat);
                askedAt.remove(want.member());
                if (want.inQueues()) {
                    removedFrom.remove(want.member());
                }
                return;
            }
            outOfStep.putIfAbsent(seat, now);
            Long asked = askedAt.get(want.member());
            if (asked != null && now - asked < QueuePauses.RETRY_MS) {
                return;
            }
            askedAt.put(want.member(), now);
            if (want.inQueues()) {
                changes.add(new Change(seat, want.member(), true, missing));
            } else {
                removedFrom.computeIfAbsent(want.member(), m -> new TreeSet<>()).addAll(in);
                changes.add(new Change(seat, want.member(), false, new TreeSet<>(in)));
            }
        });
        return changes;
    }

    /**
     * Whether SeatLink took {@code member} out of its queues and has not yet seen it back in them: the ACD's word
     * that the member left every queue is then the echo of SeatLink's own removal, not the PBX signing it out.
     */
    public boolean tookOut(String member) {
        return removedFrom.containsKey(member);
    }

    /** Seats whose membership differs from what their state asks, and since when. */
    public Map<String, Long> outOfStep() {
        return Map.copyOf(outOfStep);
    }
}
