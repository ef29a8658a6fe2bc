package dev.seatlink.simulator;

import dev.seatlink.protocol.AgentState;
import java.util.random.RandomGenerator;

/**
 * One simulated agent's state, moving as a contact-center floor does: ready → busy → wrap-up → ready,
 * with breaks and other not-ready time in between, and now and then a raised hand. Pure.
 */
final class SimulatedSeat {
    private static final String[] REASONS = {"break", "lunch", "meeting", "training", "coaching"};

    final String seat;
    final String agent;
    final String boot;
    AgentState state = AgentState.LOGGED_OUT;
    String reason;
    boolean help;
    long seq;

    SimulatedSeat(String seat, String agent, String boot, long firstSeq) {
        this.seat = seat;
        this.agent = agent;
        this.boot = boot;
        this.seq = firstSeq;
    }

    /** The next transition; returns the state it left. */
    AgentState advance(RandomGenerator random) {
        AgentState from = state;
        double roll = random.nextDouble();
        if (help) {
            help = false; // the leader came by
        } else if (from != AgentState.LOGGED_OUT && roll < 0.03) {
            help = true;
        } else {
            switch (from) {
                case LOGGED_OUT, NOT_READY -> move(AgentState.READY, null);
                case READY -> move(roll < 0.85 ? AgentState.BUSY : AgentState.NOT_READY, REASONS[random.nextInt(REASONS.length)]);
                case BUSY -> move(AgentState.WRAP_UP, null);
                case WRAP_UP -> move(roll < 0.9 ? AgentState.READY : AgentState.NOT_READY, REASONS[random.nextInt(REASONS.length)]);
                default -> move(AgentState.READY, null);
            }
        }
        if (state == AgentState.LOGGED_OUT) {
            help = false;
        }
        seq++;
        return from;
    }

    /** The agent raises (or lowers) a hand in the state it is in; a logged-out seat raises none. */
    void hand(boolean up) {
        help = up && state != AgentState.LOGGED_OUT;
        seq++;
    }

    /** The phone system moved the seat (a call answered, ended): to {@code to}, without a reason. */
    void phone(AgentState to) {
        move(to, null);
        seq++;
    }

    private void move(AgentState to, String why) {
        state = to;
        reason = to == AgentState.NOT_READY ? why : null;
    }
}
