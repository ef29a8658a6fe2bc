package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.TeamSpec;

/**
 * How the floor's seats are grouped for KPIs; {@link #key()} is the name in the JSON ({@code groups.team},
 * ...) and in the wallboard's grouping buttons.
 */
public enum Grouping {
    TEAM("team"),
    BUSINESS_LINE("businessLine"),
    CUSTOMER_TIER("customerTier"),
    SKILL_TIER("skillTier");

    private final String key;

    Grouping(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The group a seat of {@code team} falls in. */
    public String groupOf(SeatSpec seat, TeamSpec team) {
        return switch (this) {
            case TEAM -> team.id();
            case BUSINESS_LINE -> team.businessLine();
            case CUSTOMER_TIER -> team.customerTier();
            case SKILL_TIER -> seat.skill();
        };
    }
}
