package dev.seatlink.gateway.site;

/**
 * One seat on the floor plan.
 *
 * @param agent the agent who sits here, or null for hot desks
 * @param skill the agent's skill tier (novice, regular, expert); the team's tier when the file leaves it out
 * @param x     column on the floor plan (0 = left)
 * @param y     row on the floor plan (0 = top)
 */
public record SeatSpec(String seat, String team, String agent, String skill, int x, int y) {
    public static final String EXPERT = "expert";
}
