package dev.seatlink.terminal.hardware;

import dev.seatlink.protocol.AgentState;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which colour the status light shows at a given instant. Pure: the light is redrawn from this on
 * every change and on a 100 ms refresh, so it can never stay on a stale colour.
 *
 * <p>The base colour is the state's (configurable; defaults Ready green, Busy red, Wrap-up amber,
 * Not ready blue, Logged out off). On top, by priority: a broker or gateway link that is down
 * shows as a short white flash every 2 s; a raised hand blinks the colour fast (4 Hz); not ready
 * for longer than its limit double-blinks every 2 s; a state pending after the contact shows its own colour
 * for the last {@value #PENDING_MS} ms of every 2 s (Busy red with a blue wink: a break is coming). A phone
 * ringing alternates the state's colour with Busy's every {@value #RING_HALF_PERIOD_MS} ms, above all but the
 * link flash: the agent has seconds to answer.
 */
public final class LightPattern {
    static final long HELP_HALF_PERIOD_MS = 125;
    static final long SLOW_PERIOD_MS = 2000;
    static final long FLASH_MS = 150;
    static final long DOUBLE_BLINK_MS = 120;
    static final long PENDING_MS = 300;
    static final long RING_HALF_PERIOD_MS = 250;

    public static final Map<AgentState, Colour> DEFAULT_COLOURS = defaults();

    private final Map<AgentState, Colour> colours;
    private final long notReadyLimitMs;

    public LightPattern(Map<AgentState, Colour> colours, long notReadyLimitMs) {
        this.colours = new EnumMap<>(colours);
        for (AgentState state : AgentState.values()) {
            if (!this.colours.containsKey(state)) {
                throw new IllegalArgumentException("no light colour for " + state);
            }
        }
        this.notReadyLimitMs = notReadyLimitMs;
    }

    private static Map<AgentState, Colour> defaults() {
        Map<AgentState, Colour> colours = new EnumMap<>(AgentState.class);
        colours.put(AgentState.READY, Colour.GREEN);
        colours.put(AgentState.BUSY, Colour.RED);
        colours.put(AgentState.WRAP_UP, Colour.AMBER);
        colours.put(AgentState.NOT_READY, Colour.BLUE);
        colours.put(AgentState.LOGGED_OUT, Colour.OFF);
        return Map.copyOf(colours);
    }

    /**
     * @param since  when the state began
     * @param linkUp broker and gateway both reachable
     */
    public Colour at(AgentState state, boolean help, long since, boolean linkUp, long now) {
        return at(state, help, since, linkUp, null, now);
    }

    /** @param pending the state pending after the contact, or null */
    public Colour at(AgentState state, boolean help, long since, boolean linkUp, AgentState pending, long now) {
        return at(state, help, since, linkUp, pending, false, now);
    }

    /** @param ringing a call is being offered to the seat */
    public Colour at(AgentState state, boolean help, long since, boolean linkUp, AgentState pending, boolean ringing,
                     long now) {
        Colour base = colours.get(state);
        long slow = Math.floorMod(now, SLOW_PERIOD_MS);
        if (!linkUp && slow < FLASH_MS) {
            return Colour.WHITE;
        }
        if (ringing) {
            return Math.floorDiv(now, RING_HALF_PERIOD_MS) % 2 == 1 ? colours.get(AgentState.BUSY) : base;
        }
        if (pending != null && slow >= SLOW_PERIOD_MS - PENDING_MS) { // link or not: it is the agent's own press
            return colours.get(pending);
        }
        if (!linkUp) {
            return base;
        }
        if (help) {
            return Math.floorDiv(now, HELP_HALF_PERIOD_MS) % 2 == 1 ? Colour.OFF : base;
        }
        if (state == AgentState.NOT_READY && now - since >= notReadyLimitMs) {
            boolean dark = slow < DOUBLE_BLINK_MS || (slow >= 2 * DOUBLE_BLINK_MS && slow < 3 * DOUBLE_BLINK_MS);
            return dark ? Colour.OFF : base;
        }
        return base;
    }
}
