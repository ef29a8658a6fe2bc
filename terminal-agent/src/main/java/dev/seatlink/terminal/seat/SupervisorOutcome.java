package dev.seatlink.terminal.seat;

import java.util.Optional;

/** The answer to a supervisor's command: applied (maybe with nothing to change) or refused with a reason. */
public record SupervisorOutcome(Optional<Transition> transition, String refusal) {

    static SupervisorOutcome applied(Optional<Transition> transition) {
        return new SupervisorOutcome(transition, null);
    }

    static SupervisorOutcome refused(String why) {
        return new SupervisorOutcome(Optional.empty(), why);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
