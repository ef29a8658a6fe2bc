package dev.seatlink.terminal.hardware;

import dev.seatlink.protocol.AgentState;

/**
 * Which colour the status light shows at a given instant. Pure: the light is redrawn from this on
 * every change and on a periodic refresh, so it can never stay on a stale colour.
 *
 * <p>Base colour by state: Ready green, Busy red, Wrap-up amber, Not ready blue, Logged out off.
 * A raised hand blinks the colour fast (4 Hz); a lost broker link replaces the colour by a short
 * white flash every 2 s, so a dead link is never mistaken for a calm seat.
 */
public final class LightPattern {
    static final long HELP_HALF_PERIOD_MS = 125;
    static final long LINK_DOWN_PERIOD_MS = 2000;
    static final long LINK_DOWN_FLASH_MS = 150;

    private LightPattern() {
    }

    public static Colour base(AgentState state) {
        return switch (state) {
            case READY -> Colour.GREEN;
            case BUSY -> Colour.RED;
            case WRAP_UP -> Colour.AMBER;
            case NOT_READY -> Colour.BLUE;
            case LOGGED_OUT -> Colour.OFF;
        };
    }

    public static Colour at(AgentState state, boolean help, boolean linkUp, long nowMs) {
        if (!linkUp) {
            return nowMs % LINK_DOWN_PERIOD_MS < LINK_DOWN_FLASH_MS ? Colour.WHITE : base(state);
        }
        if (help && (nowMs / HELP_HALF_PERIOD_MS) % 2 == 1) {
            return Colour.OFF;
        }
        return base(state);
    }
}
