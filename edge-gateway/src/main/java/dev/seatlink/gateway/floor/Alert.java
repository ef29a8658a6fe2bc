package dev.seatlink.gateway.floor;

/**
 * A condition on the floor a team leader should act on, raised while it holds.
 *
 * @param id    stable while the condition holds: type plus seat or team, e.g. {@code help-waiting:s-014}
 * @param type  not-ready-over-limit, wrap-up-over-limit, team-below-min-ready, help-waiting,
 *              offline-logged-in, sequence-gap, seq-jump, seat-behind, duplicate-terminal, acd-out-of-sync
 *              or acd-down
 * @param seat  the seat, or null for a team alert
 * @param text  what the wallboard shows
 * @param since when it was raised (gateway clock)
 */
public record Alert(String id, String type, String team, String seat, String agent, String text, long since) {
    public static final String NOT_READY_OVER_LIMIT = "not-ready-over-limit";
    public static final String WRAP_UP_OVER_LIMIT = "wrap-up-over-limit";
    public static final String TEAM_BELOW_MIN_READY = "team-below-min-ready";
    public static final String HELP_WAITING = "help-waiting";
    public static final String OFFLINE_LOGGED_IN = "offline-logged-in";
    public static final String SEQUENCE_GAP = "sequence-gap";
    public static final String SEQ_JUMP = "seq-jump";
    public static final String SEAT_BEHIND = "seat-behind";
    public static final String DUPLICATE_TERMINAL = "duplicate-terminal";
    public static final String ACD_OUT_OF_SYNC = "acd-out-of-sync";
    public static final String ACD_DOWN = "acd-down";
    public static final String LATE_SIGN_IN = "late-sign-in";
    public static final String EARLY_SIGN_OUT = "early-sign-out";
    public static final String BREAK_OVERRUN = "break-overrun";
}
