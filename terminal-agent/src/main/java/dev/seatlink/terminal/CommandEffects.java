package dev.seatlink.terminal;

import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.terminal.seat.Transition;
import java.util.List;
import java.util.Optional;

/** What a supervisor's command does at the seat beyond its state machine; the terminal carries it out. */
interface CommandEffects {
    /** Shows and publishes a transition the command made (nothing when empty). */
    void apply(Optional<Transition> transition);

    /** Republishes the seat's status, answering the rebirth command {@code rebirthId}, and its state. */
    void announce(String rebirthId);

    /** Tells the agent with a sound that something arrived (no-op on a seat without a buzzer). */
    void beep();

    /** Publishes journalled events again, as a gateway's replay asked. */
    void republish(List<SeatEvent> events);
}
