package dev.seatlink.gateway.acd;

/**
 * A queue member's pause as the ACD holds it: one interface, over all its queues.
 *
 * @param reason the pause reason when paused (may be null), else null
 */
public record MemberPause(String member, boolean paused, String reason) {
    public static MemberPause unpaused(String member) {
        return new MemberPause(member, false, null);
    }

    /** Whether {@code other} is the same pause: both unpaused, or both paused for the same reason. */
    public boolean sameAs(MemberPause other) {
        return other != null && paused == other.paused && (!paused || java.util.Objects.equals(reason, other.reason));
    }
}
