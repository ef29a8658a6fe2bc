package dev.seatlink.terminal.simulate;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.seat.Snapshot;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A simulated agent's habits: mostly Ready → Busy → Wrap-up → Ready, a break now and then, an
 * occasional raised hand. On a seat whose calls come from the phone system it does not press Busy: it waits
 * for the calls, and ends only a call that has outlasted any the phone plays. Pure apart from its random source:
 * it watches the seat's snapshot and says which button to press and when.
 */
final class Persona {
    /** A phone call's BUSY this long is one the phone system dropped without a word: the agent ends it. */
    static final int DROPPED_CALL_S = 300;
    private final RandomGenerator random;
    private final double pace;
    private Snapshot planned;
    private long actAt;
    private Key next;

    /**
     * The slowest and fastest pace ({@link FloorCommand} refuses others): at 0 or below every wait came out negative,
     * and each seat pressed a button on every tick.
     */
    static final double MIN_PACE = 0.1;
    static final double MAX_PACE = 100;

    /** @param pace 1.0 for a realistic-but-lively demo; larger is faster ({@value #MIN_PACE}-{@value #MAX_PACE}) */
    Persona(RandomGenerator random, double pace) {
        this.random = random;
        this.pace = pace;
    }

    /**
     * The button to press now, if any.
     *
     * @param phone the seat's calls come from the phone system
     */
    Optional<Key> decide(Snapshot seat, boolean phone, long now) {
        if (!seat.equals(planned)) {
            plan(seat, phone, now);
        }
        if (next == null || now < actAt) {
            return Optional.empty();
        }
        Key key = next;
        planned = null;
        return Optional.of(key);
    }

    private void plan(Snapshot seat, boolean phone, long now) {
        planned = seat;
        next = null;
        AgentState state = seat.state();
        if (seat.help() && chance(0.5)) {
            after(now, 8, 25, Key.HELP); // lowers the hand if no supervisor came
            return;
        }
        switch (state) {
            case LOGGED_OUT -> after(now, 1, 8, Key.READY);
            case READY -> {
                if (chance(phone ? 0.05 : 0.1)) {
                    after(now, 3, 12, Key.NOT_READY);
                } else if (!phone) {
                    after(now, 2, 15, Key.BUSY);
                }
            }
            case BUSY -> {
                if (!phone) {
                    after(now, 8, 45, !seat.help() && chance(0.06) ? Key.HELP : Key.BUSY);
                } else if (!seat.help() && chance(0.06)) {
                    after(now, 8, 45, Key.HELP); // the call ends when the caller or agent hangs up
                } else {
                    // Busy longer than any call the phone plays (20-90 s): the call was dropped unheard (the phone
                    // system, or the demo, restarted while it was up), and a person would end it by hand.
                    actAt = Math.max(now, seat.since() + (long) (DROPPED_CALL_S * 1000 / pace));
                    next = Key.BUSY;
                }
            }
            case WRAP_UP -> {
                if (chance(0.7)) {
                    after(now, 2, 10, Key.READY); // otherwise the wrap-up timer ends it
                }
            }
            case NOT_READY -> after(now, 15, 60, Key.READY);
        }
    }

    private void after(long now, int minSeconds, int maxSeconds, Key key) {
        double seconds = minSeconds + random.nextDouble() * (maxSeconds - minSeconds);
        actAt = now + (long) (seconds * 1000 / pace);
        next = key;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
