package dev.seatlink.gateway.agents;

/**
 * One agent of the directory.
 *
 * @param id     the agent id the seats report ({@code a1001}), an identifier
 * @param name   how people read it on the wallboard ("Anna Berg"): 1–64 characters, no control characters
 * @param team   the agent's home team (a team of the site config)
 * @param skill  novice, regular or expert
 * @param badge  the badge the agent signs in with at any seat, or null: 1–32 letters and digits
 * @param active false for an agent who left: kept for the reports, not expected on the floor
 */
public record Agent(String id, String name, String team, String skill, String badge, boolean active) {
    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_BADGE_LENGTH = 32;
}
