package dev.seatlink.gateway.site;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One seat on the floor plan.
 *
 * @param agent the agent who sits here, or null for hot desks
 * @param x     column on the floor plan (0 = left)
 * @param y     row on the floor plan (0 = top)
 */
public record SeatSpec(String seat, String team, String agent, @JsonProperty(required = true) int x,
                       @JsonProperty(required = true) int y) {
}
