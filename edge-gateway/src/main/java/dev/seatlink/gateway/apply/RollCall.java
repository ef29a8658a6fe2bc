package dev.seatlink.gateway.apply;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * After the primary takes the floor or its broker link comes back (a node may have died with seats' Last
 * Wills), every seat is asked for a {@code rebirth}, at most {@value #PER_SECOND} a second and at most
 * {@value #MAX_UNANSWERED} asked and not yet answered, so a degraded cluster is not flooded (a slow one gets asks
 * as fast as it answers, and a seat is not shown offline for an answer stuck behind thousands of others).
 *
 * <p>The answer is the seat's {@code cmd-result} for that very ask, or its online status naming the ask in
 * {@code rebirth}: only a seat alive after the ask can send either. Nothing else counts — not an event, a state or a
 * status naming no ask, which the broker may have held since before the seat died with its node and deliver only now. A seat that does not answer within {@value #ANSWER_WITHIN_MS} ms of its
 * ask is shown offline ("given up"); one given up that speaks again is asked once more, and is shown online again
 * only when it answers. One that greets (connects) after its ask, which it could not have heard, is asked again
 * ({@link #greeted}). An offline status (a Last Will) settles a seat at once.
 *
 * <p>The two gateways of a pair hear each other's asks and the seats' answers to both. Each ask of the partner's
 * heard is followed, not asked again ({@link #follow}): one of a pair calling the roll asks each seat once for
 * both. The standby holds its own asks {@value #PARTNER_FIRST_MS} ms, so that the primary, which calls the roll on
 * the same news, asks first. Pure: the caller passes the time and sends the asks.
 */
public final class RollCall {
    static final int PER_SECOND = 500;
    static final long ANSWER_WITHIN_MS = 15_000;
    /** Room for the dead seats of a node's death on a large floor besides the living ones' asks. */
    static final int MAX_UNANSWERED = 1_000;

    /**
     * What every roll call's ask id starts with, then this gateway's own random mark: so a gateway tells a seat's
     * answer to its partner's roll call from one to its own, to a single rebirth or to a supervisor's.
     */
    static final String ID_PREFIX = "rc-";
    /**
     * What the asks of a roll call that joins the partner's start with instead: answers to those set no roll call
     * off. Joins marked as roll calls set each other off for as long as answers came late: on a saturated cluster
     * answers 30–40 s late kept a floor's pair taking turns every minute ({@code bench center} run 32), each turn
     * delaying the primary's summaries and showing seats offline on the standby that had only answered late.
     */
    static final String JOIN_PREFIX = "rj-";
    /**
     * What a single rebirth's ask id starts with (one seat, outside any roll call: a late Last Will, a gap a replay
     * did not fill), then the gateway's mark: so the partner tells them from its own ({@link #isOthersSingleAsk}).
     */
    static final String SINGLE_PREFIX = "rs-";
    /**
     * What names a roll call in its asks, after the gateway's mark: {@code rc-{mark}-n{count}-{uuid}}. A partner joins
     * each once ({@link #joinsPartnersCall}). Not a hex digit, so the asks of an older gateway, which name no call
     * ({@code rc-{mark}-{uuid}}), are told apart.
     */
    static final String CALL_MARK = "n";
    /**
     * How long the standby of a pair holds its roll call's asks: the primary, which starts its own on the same news (a
     * node's death, the link's loss), asks meanwhile, and each of its asks heard is followed here instead of asked
     * again ({@link #follow}). Each ask is a rebirth's three stores on a cluster that has just lost a node: with both
     * gateways asking, and each joining the other's call, floor f2's pair started six roll calls in the 12 s after a
     * node's kill ({@code bench center} run 110).
     */
    static final long PARTNER_FIRST_MS = 2_000;
    /** How many partner processes' joined roll calls are remembered: the partner now, and a few it restarted as. */
    private static final int PARTNER_PROCESSES_KEPT = 4;

    /** A rebirth to send to a seat; {@code commandId} is the id its answer will carry. */
    public record Ask(String seat, String commandId) {
    }

    /** An ask, and the one it replaced when the seat was asked again after greeting (null if none). */
    private record Asked(String commandId, long at, String before) {
        boolean answeredBy(String id) {
            return commandId.equals(id) || id.equals(before);
        }
    }

    private final Set<String> toAsk = new LinkedHashSet<>();
    /** Asked and not yet answered, in the order asked (so the overdue are at the front). */
    private final Map<String, Asked> asked = new LinkedHashMap<>();
    /** Shown offline for not answering, with the id of the last ask (a late answer to it still counts). */
    private final Map<String, String> givenUp = new LinkedHashMap<>();
    /** Seats to be asked again after greeting, with the ask they did not hear (its answer still counts). */
    private final Map<String, String> reasked = new LinkedHashMap<>();
    /**
     * Seats that greeted after an ask of the partner's followed here: the partner sees the same greeting and asks
     * again, and that ask is followed; each is asked here only if the partner has not by the time given.
     */
    private final Map<String, Long> partnerAsksAgain = new HashMap<>();
    private long lastStep = -1;
    /** No ask is sent before this: the partner's asks heard meanwhile are followed instead. */
    private long heldUntil = Long.MIN_VALUE;
    private long startedAt = Long.MIN_VALUE / 2;
    private final String ownMark = UUID.randomUUID().toString().substring(0, 8) + "-";
    private final String ownPrefix = ID_PREFIX + ownMark;
    private final String ownSinglePrefix = SINGLE_PREFIX + ownMark;
    /** What the asks sent next start with: {@link #ownPrefix} and the call, or the join's ({@link #JOIN_PREFIX}). */
    private String askPrefix = ownPrefix;
    /** Roll calls of its own started so far: each one's asks name it. */
    private int calls;
    /**
     * For each partner process heard ({@code rc-{mark}-}), the count of the latest of its roll calls joined. Answers
     * to two of its calls come interleaved after a node's death; remembering only the call joined last joined them
     * in turn, and a standby asked every seat again thirteen times in seven seconds ({@code bench center} run 104).
     */
    private final Map<String, Integer> joinedUpTo = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > PARTNER_PROCESSES_KEPT; // a restarted partner has a new mark; bounded all the same
        }
    };

    /** Whether a roll call was started (or asked to start again) less than {@code ms} before {@code now}. */
    private boolean startedWithin(long ms, long now) {
        return now - startedAt < ms;
    }

    /** Whether {@code commandId} is an ask of another gateway's roll call (a partner's, or a former process's). */
    public boolean isOthersAsk(String commandId) {
        return commandId.startsWith(ID_PREFIX) && !commandId.startsWith(ownPrefix);
    }

    /** A new id for a single rebirth this gateway asks: {@code rs-{mark}-{uuid}}. */
    public String singleAskId() {
        return ownSinglePrefix + UUID.randomUUID();
    }

    /** Whether {@code commandId} is another gateway's single rebirth ({@link #singleAskId}). */
    public boolean isOthersSingleAsk(String commandId) {
        return commandId.startsWith(SINGLE_PREFIX) && !commandId.startsWith(ownSinglePrefix);
    }

    /**
     * Every seat of the floor is to be asked again; one already asked and not yet answered keeps its deadline
     * (so a roll call under way still ends, however often seats move).
     */
    public void start(Collection<String> seats, long now) {
        start(seats, now, false);
    }

    /**
     * As {@link #start(Collection, long)}; with {@code partnerFirst} (the standby of a pair) no ask goes out for
     * {@value #PARTNER_FIRST_MS} ms, and the seats the partner asks meanwhile are not asked here ({@link #follow}).
     */
    public void start(Collection<String> seats, long now, boolean partnerFirst) {
        calls++;
        askPrefix = ownPrefix + CALL_MARK + calls + "-";
        holdFor(partnerFirst, now);
        ask(seats, now);
    }

    /** Asks held for {@value #PARTNER_FIRST_MS} ms, or at once: the latest call decides. */
    private void holdFor(boolean partnerFirst, long now) {
        heldUntil = partnerFirst ? now + PARTNER_FIRST_MS : Long.MIN_VALUE;
    }

    /**
     * The partner asked {@code seat} for a rebirth in a roll call of its own ({@code commandId}), heard on the seats'
     * commands. Its answer reaches this gateway too, so the ask is taken as this one's own: the seat is not asked
     * here, its answer to that ask settles it, and no answer within {@value #ANSWER_WITHIN_MS} ms shows it offline,
     * as an own ask's would. A seat with an own ask out keeps that one. The partner's call counts as joined: its
     * answers start no {@link #join} here. Returns whether the ask is followed.
     */
    public boolean follow(String seat, String commandId, long now) {
        if (!isOthersAsk(commandId)) {
            return false;
        }
        // its call is heard here, whether or not this seat's ask is taken: answers to it join nothing (run 113: a
        // primary whose own asks were out for the seats its standby asked again joined the standby's call)
        PartnerCall call = PartnerCall.of(commandId);
        if (call.count() < 0) {
            startedAt = now; // an older partner's call, which names no count: joined as if called here now
        } else {
            joinedUpTo.merge(call.partner(), call.count(), Math::max);
        }
        if (asked.containsKey(seat)) {
            return false;
        }
        toAsk.remove(seat);
        partnerAsksAgain.remove(seat);
        asked.put(seat, new Asked(commandId, now, reasked.remove(seat)));
        return true;
    }

    /**
     * Whether hearing a seat answer {@code commandId} makes this gateway join its partner's roll call: once for each
     * roll call of the partner's, which its asks name, and only for one the partner started after the last joined
     * (a late answer to an earlier call asks nothing). A roll call the partner starts after a node's death is then
     * joined even when this gateway joined one, or called its own, just before: the seats that answered that one and
     * then died with the node would otherwise stay online here (a failover test in CI, 2026-12-06). An older partner's
     * asks name no roll call: joined unless a roll call started here within {@code quietMs}.
     */
    public boolean joinsPartnersCall(String commandId, long quietMs, long now) {
        if (!isOthersAsk(commandId)) {
            return false;
        }
        PartnerCall call = PartnerCall.of(commandId);
        if (call.count() < 0) {
            return !startedWithin(quietMs, now);
        }
        if (call.count() <= joinedUpTo.getOrDefault(call.partner(), 0)) {
            return false;
        }
        joinedUpTo.put(call.partner(), call.count());
        return true;
    }

    /** The partner process an ask of its roll call names ({@code rc-{mark}-}), and the call's count (-1 for none). */
    private record PartnerCall(String partner, int count) {
        static PartnerCall of(String commandId) {
            int markEnd = commandId.indexOf('-', ID_PREFIX.length());
            return markEnd < 0 ? new PartnerCall(commandId, -1)
                    : new PartnerCall(commandId.substring(0, markEnd + 1), callCount(commandId, markEnd + 1));
        }

        /** The {@code count} of an ask's {@code n{count}-} from {@code from}, or -1 for an ask naming no roll call. */
        private static int callCount(String commandId, int from) {
            int callEnd = commandId.indexOf('-', from);
            if (!commandId.startsWith(CALL_MARK, from) || callEnd < 0) {
                return -1;
            }
            try {
                return Integer.parseInt(commandId, from + CALL_MARK.length(), callEnd, 10);
            } catch (NumberFormatException e) {
                return -1; // not a count: taken as an ask that names no call
            }
        }
    }

    /** As {@link #start}, joining the partner's roll call: answers to these asks start no roll call there. */
    public void join(Collection<String> seats, long now) {
        askPrefix = JOIN_PREFIX + ownMark;
        holdFor(false, now); // the partner's asks are past: none to follow by waiting
        ask(seats, now);
    }

    private void ask(Collection<String> seats, long now) {
        startedAt = now;
        if (toAsk.isEmpty()) {
            lastStep = now;
        }
        seats.stream().filter(seat -> !asked.containsKey(seat)).forEach(toAsk::add);
    }

    /**
     * The link to the broker came back: asks sent while it was going down, and answers on their way, may have been
     * lost with it. Every seat is asked again, those already asked too, each with a new deadline.
     */
    public void startAfterLinkLoss(Collection<String> seats, long now, boolean partnerFirst) {
        asked.clear();
        toAsk.clear();
        reasked.clear();
        partnerAsksAgain.clear();
        start(seats, now, partnerFirst);
    }

    /**
     * The seat answered a command with {@code commandId}. Returns true when that answers this roll call's ask of a
     * seat it had shown offline: the seat is alive again.
     */
    public boolean answered(String seat, String commandId) {
        Asked ask = asked.get(seat);
        boolean toThisAsk = ask != null && ask.answeredBy(commandId) || commandId.equals(reasked.get(seat));
        boolean toTheOneGivenUp = commandId.equals(givenUp.get(seat)); // late, but alive after it all the same
        if (!toThisAsk && !toTheOneGivenUp) {
            return false;
        }
        asked.remove(seat);
        toAsk.remove(seat);
        reasked.remove(seat);
        partnerAsksAgain.remove(seat);
        return givenUp.remove(seat) != null;
    }

    /** The seat said it is offline (its Last Will): nothing to ask or wait for. */
    public void wentOffline(String seat) {
        toAsk.remove(seat);
        reasked.remove(seat);
        partnerAsksAgain.remove(seat);
        asked.remove(seat);
        givenUp.remove(seat);
    }

    /**
     * The seat sent something now. That is no answer: it may have been queued on the broker before the seat died
     * and delivered only now. A seat shown offline by this roll call is then asked once more, so it is shown online
     * again if it lives.
     */
    public void spoke(String seat) {
        if (givenUp.containsKey(seat) && !asked.containsKey(seat)) {
            askSoon(seat);
        }
    }

    /**
     * The seat greeted — an online status naming no ask, which a seat sends on every (re)connect — while its ask is
     * unanswered. The asks go at QoS 0 and reach only a connected seat: one that connected after its ask (a seat
     * starting, or reconnecting through another node, during the roll call) never heard it, and would be shown
     * offline, alive and idle, until it next spoke. It is asked again at the next step, with a new deadline; an
     * answer to the first ask still counts (an older terminal's plain status may come before its result). Once per
     * ask: on a degraded cluster that closes connections whose stores time out, each re-ask's answer is two more
     * stores, and seats greeting again and again were asked again and again. A seat whose ask was the partner's,
     * followed here, is left {@value #PARTNER_FIRST_MS} ms to the partner, which sees the same greeting and asks
     * again (that ask is followed too); asked here only if the partner has not by then.
     */
    public void greeted(String seat, long now) {
        Asked ask = asked.get(seat);
        if (ask != null && ask.before() == null) { // once: a seat the cluster keeps closing greets again and again
            asked.remove(seat);
            reasked.put(seat, ask.commandId());
            if (isOthersAsk(ask.commandId())) {
                partnerAsksAgain.put(seat, now + PARTNER_FIRST_MS);
            }
            askSoon(seat);
        }
    }

    private void askSoon(String seat) {
        if (toAsk.isEmpty()) {
            lastStep = -1; // asked at the next step, not after a pause's worth of budget
        }
        toAsk.add(seat);
    }

    /** Whether the seat is shown offline because it did not answer (and has not answered since). */
    public boolean gaveUp(String seat) {
        return givenUp.containsKey(seat);
    }

    /** The seats to ask now, by the rate since the last step; the caller sends each a rebirth with the ask's id. */
    public List<Ask> due(long now) {
        if (now < heldUntil) {
            lastStep = now; // the rate counts from the hold's end, not a burst of its whole length's budget
            return List.of();
        }
        long elapsed = lastStep < 0 ? 0 : Math.max(0, now - lastStep);
        lastStep = now;
        int budget = (int) Math.min(Math.min(toAsk.size(), MAX_UNANSWERED - asked.size()),
                Math.max(1, elapsed * PER_SECOND / 1_000));
        List<Ask> asks = new ArrayList<>(budget);
        Iterator<String> next = toAsk.iterator();
        while (asks.size() < budget && next.hasNext()) {
            String seat = next.next();
            Long partnersTurn = partnerAsksAgain.get(seat);
            if (partnersTurn != null && now < partnersTurn) {
                continue;
            }
            partnerAsksAgain.remove(seat);
            next.remove();
            Ask ask = new Ask(seat, askPrefix + UUID.randomUUID());
            asked.put(seat, new Asked(ask.commandId(), now, reasked.remove(seat)));
            asks.add(ask);
        }
        return asks;
    }

    /** The seats that did not answer in time and were not given up before; the caller shows each offline. */
    public List<String> overdue(long now) {
        List<String> late = new ArrayList<>();
        Iterator<Map.Entry<String, Asked>> oldest = asked.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Asked> entry = oldest.next();
            if (now - entry.getValue().at() <= ANSWER_WITHIN_MS) {
                break;
            }
            oldest.remove();
            if (givenUp.put(entry.getKey(), entry.getValue().commandId()) == null) {
                late.add(entry.getKey());
            }
        }
        return late;
    }

    /** Seats still to be asked or waited for. */
    public int open() {
        return toAsk.size() + asked.size();
    }
}
