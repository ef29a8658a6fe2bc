package dev.seatlink.terminal.phone;

import dev.seatlink.protocol.CallEvent;
import dev.seatlink.terminal.seat.SeatStateMachine;
import dev.seatlink.terminal.seat.Transition;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * The seat's end of the phone system: each {@link CallEvent} the gateway forwards is applied once — to the state
 * machine (answered → BUSY, …) and to what the phone shows ({@link CallProgress}). QoS 1 may deliver an event twice
 * (and a gateway that took over may forward one again), so the last {@value #REMEMBERED} ids are remembered and
 * a repeat changes nothing: a missed call counted twice would put the agent on a break too soon. Pure.
 */
public final class PhoneLine {
    static final int REMEMBERED = 256;

    private final SeatStateMachine machine;
    private final CallProgress progress = new CallProgress();
    private final java.util.Set<String> seen = new LinkedHashSet<>();

    public PhoneLine(SeatStateMachine machine) {
        this.machine = machine;
    }

    /** Applies an event that arrived at {@code now}; the transition it made, if any, is the caller's to record. */
    public Optional<Transition> apply(CallEvent event, long now) {
        if (!seen.add(event.id())) {
            return Optional.empty();
        }
        if (seen.size() > REMEMBERED) {
            seen.remove(seen.iterator().next());
        }
        progress.apply(event.type(), event.callId(), now);
        return machine.phone(event.type(), event.callId());
    }

    public boolean ringing(long now) {
        return progress.ringing(now);
    }

    /** The display's phone line, or null. */
    public String text(long now) {
        return progress.text(now);
    }
}
