package dev.seatlink.gateway.site;

import java.util.List;

/**
 * One seat on the floor plan.
 *
 * @param agent the agent who sits here, or null for hot desks
 * @param skill the agent's skill tier (novice, regular, expert); the team's tier when the file leaves it out
 * @param x     column on the floor plan (0 = left)
 * @param y     row on the floor plan (0 = top)
 * @param acd   the phone system's names for this seat (its queue member interface first, e.g. {@code PJSIP/1012});
 *              empty when the floor takes no call state for it
 */
public record SeatSpec(String seat, String team, String agent, String skill, int x, int y, List<String> acd) {
    public static final String EXPERT = "expert";
    /** The skill tiers a seat, a team or an agent may have. */
    public static final List<String> SKILL_TIERS = List.of("novice", "regular", EXPERT);

    public SeatSpec {
        acd = List.copyOf(acd);
    }

    /** A seat the phone system does not report on. */
    public SeatSpec(String seat, String team, String agent, String skill, int x, int y) {
        this(seat, team, agent, skill, x, y, List.of());
    }

    /** Whether the floor takes this seat's call state from its phone system. */
    public boolean onThePhoneSystem() {
        return !acd.isEmpty();
    }
}
