package dev.seatlink.terminal.seat;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns button downs and ups over time into what the agent meant. Pure: times are passed in.
 *
 * <ul>
 *   <li>Busy and Help act on the press itself, so they respond at once.</li>
 *   <li>Ready acts on release; held for {@code logoutHoldMs} (3 s) it signs the agent out instead.</li>
 *   <li>Not ready released quickly is a plain press (not ready, or the next reason). Held for
 *       {@code longPressMs} it opens the reason picker: each further press moves to the next reason,
 *       and {@code pickerConfirmMs} after the last release the shown reason is chosen. Any other
 *       button closes the picker without choosing and does its own job.</li>
 * </ul>
 */
public final class Gestures {

    /** The time rules, in ms. */
    public record Timing(long longPressMs, long logoutHoldMs, long pickerConfirmMs) {
        public static final Timing DEFAULT = new Timing(800, 3000, 2000);
    }

    /** What the agent meant. */
    public sealed interface Intent permits Press, Logout, Picking, Pick {
    }

    /** A plain press of a button. */
    public record Press(Key key) implements Intent {
    }

    /** Ready was held long enough to sign out. */
    public record Logout() implements Intent {
    }

    /** The picker shows reason number {@code step} (modulo the number of reasons). */
    public record Picking(int step) implements Intent {
    }

    /** The picker's reason number {@code step} was chosen. */
    public record Pick(int step) implements Intent {
    }

    private final Timing timing;
    private Long readyDownAt;
    private boolean logoutFired;
    private Long notReadyDownAt;
    private boolean notReadyHeld;
    private Integer pickerStep;
    private long pickerActivityAt;

    public Gestures(Timing timing) {
        this.timing = timing;
    }

    public Optional<Intent> down(Key key, long at) {
        switch (key) {
            case READY -> {
                pickerStep = null;
                readyDownAt = at;
                logoutFired = false;
                return Optional.empty();
            }
            case NOT_READY -> {
                notReadyHeld = true;
                if (pickerStep != null) {
                    pickerStep++;
                    pickerActivityAt = at;
                    return Optional.of(new Picking(pickerStep));
                }
                notReadyDownAt = at;
                return Optional.empty();
            }
            default -> {
                pickerStep = null;
                return Optional.of(new Press(key));
            }
        }
    }

    public Optional<Intent> up(Key key, long at) {
        if (key == Key.READY) {
            boolean press = readyDownAt != null && !logoutFired;
            readyDownAt = null;
            return press ? Optional.of(new Press(Key.READY)) : Optional.empty();
        }
        if (key == Key.NOT_READY) {
            notReadyHeld = false;
            if (pickerStep != null) {
                pickerActivityAt = at;
                return Optional.empty();
            }
            boolean press = notReadyDownAt != null;
            notReadyDownAt = null;
            return press ? Optional.of(new Press(Key.NOT_READY)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Call a few times a second: fires the hold and pause rules. */
    public Optional<Intent> tick(long at) {
        if (readyDownAt != null && !logoutFired && at - readyDownAt >= timing.logoutHoldMs()) {
            logoutFired = true;
            return Optional.of(new Logout());
        }
        if (notReadyDownAt != null && at - notReadyDownAt >= timing.longPressMs()) {
            notReadyDownAt = null;
            pickerStep = 0;
            pickerActivityAt = at;
            return Optional.of(new Picking(0));
        }
        if (pickerStep != null && !notReadyHeld && at - pickerActivityAt >= timing.pickerConfirmMs()) {
            int chosen = pickerStep;
            pickerStep = null;
            return Optional.of(new Pick(chosen));
        }
        return Optional.empty();
    }

    /** The picker's current step while it is open. */
    public OptionalInt pickerStep() {
        return pickerStep == null ? OptionalInt.empty() : OptionalInt.of(pickerStep);
    }
}
