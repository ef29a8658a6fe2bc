package dev.seatlink.gateway.acd.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * A call queue in front of a {@link SimulatedAsterisk}: callers arrive at a steady rate and wait; each goes to a
 * free member — one the ACD holds unpaused (SeatLink keeps that in step with the seat) and not ringing or on a call —
 * which rings ({@code AgentCalled}), then answers ({@code AgentConnect}) and later hangs up ({@code AgentComplete}),
 * or lets it ring out ({@code AgentRingNoAnswer}) and the caller waits for the next. One thread; times scaled by
 * {@code pace} (2 = twice as fast).
 *
 * <p>Talk lasts 20–90 s and a ring {@value #RING_MS} ms, each divided by the pace.
 */
public final class CallPlayer implements AutoCloseable {
    static final long RING_MS = 3_000;
    static final long MIN_TALK_MS = 20_000;
    static final long MAX_TALK_MS = 90_000;
    /** Callers waiting beyond this many hang up: the queue stays bounded however few agents are free. */
    static final int MAX_WAITING = 10_000;

    private final SimulatedAsterisk pbx;
    private final double callsPerSecond;
    private final double answerShare;
    private final double pace;
    private final Random random;
    private final Played played;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "call-player");
        t.setDaemon(true);
        return t;
    });
    private final Deque<String> waiting = new ArrayDeque<>();
    private final Set<String> busy = new HashSet<>();
    private long calls;
    private double owed;

    /** Hears each queue event as it is played, with when ({@link System#nanoTime()}): for {@code bench cti}. */
    public interface Played {
        void played(String frame, String member, String callId, long nanos);
    }

    /**
     * @param callsPerSecond new callers a second
     * @param answerShare    of the calls offered, the share answered (the rest ring out)
     */
    public CallPlayer(SimulatedAsterisk pbx, double callsPerSecond, double answerShare, double pace, Random random) {
        this(pbx, callsPerSecond, answerShare, pace, random, (frame, member, callId, nanos) -> { });
    }

    public CallPlayer(SimulatedAsterisk pbx, double callsPerSecond, double answerShare, double pace, Random random,
                      Played played) {
        if (!(callsPerSecond > 0 && callsPerSecond <= 1_000 && answerShare >= 0 && answerShare <= 1 && pace >= 0.1
                && pace <= 100)) {
            throw new IllegalArgumentException("calls a second must be 0-1000, the answered share 0-1, the pace 0.1-100"
                    + " (as the floor simulation's)");
        }
        this.pbx = pbx;
        this.callsPerSecond = callsPerSecond;
        this.answerShare = answerShare;
        this.pace = pace;
        this.random = random;
        this.played = played;
    }

    /** Starts playing calls; returns at once. */
    public CallPlayer start() {
        thread.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        return this;
    }

    private void tick() {
        try {
            owed += callsPerSecond / 10;
            while (owed >= 1) {
                owed--;
                if (waiting.size() < MAX_WAITING) {
                    calls++;
                    waiting.add((1_764_590_400L + calls) + "." + calls);
                }
            }
            offer();
        } catch (RuntimeException e) {
            Logger.error(e, "call player: {}", e.getMessage());
        }
    }

    private void offer() {
        List<String> free = new ArrayList<>(pbx.members().stream().filter(m -> !busy.contains(m) && pbx.available(m))
                .toList());
        Collections.shuffle(free, random);
        for (String member : free) {
            String call = waiting.poll();
            if (call == null) {
                return;
            }
            busy.add(member);
            play("AgentCalled", member, call);
            boolean answers = random.nextDouble() < answerShare;
            after(RING_MS, () -> {
                if (answers) {
                    play("AgentConnect", member, call);
                    long talk = MIN_TALK_MS + (long) (random.nextDouble() * (MAX_TALK_MS - MIN_TALK_MS));
                    after(talk, () -> {
                        play("AgentComplete", member, call);
                        busy.remove(member);
                    });
                } else {
                    play("AgentRingNoAnswer", member, call);
                    waiting.addFirst(call);
                    busy.remove(member);
                }
            });
        }
    }

    private void play(String frame, String member, String call) {
        played.played(frame, member, call, System.nanoTime());
        pbx.emit(frame, member, call);
    }

    private void after(long ms, Runnable then) {
        thread.schedule(then, Math.max(1, (long) (ms / pace)), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
