package dev.seatlink.gateway.floor;

import java.util.List;
import java.util.Map;

/**
 * The floor's live KPIs: the floor as a whole and each grouping's groups (every agent's own figures are
 * {@link FloorModel#agentTimes}).
 *
 * @param shiftStart when the current shift began (ms since epoch); intraday figures count from here
 * @param groups     per grouping (team, businessLine, customerTier, skillTier), its groups
 */
public record FloorKpis(long shiftStart, GroupKpis floor, Map<String, List<GroupKpis>> groups) {
}
