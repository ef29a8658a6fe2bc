package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.TeamSpec;
import dev.seatlink.protocol.AgentState;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes {@link GroupKpis} from the seats' views and the shift's ledger. Pure. One pass over the seats
 * feeds the floor's and every grouping's tallies: at 10,000 seats a pass per group held the event loop
 * for tens of milliseconds every second.
 */
public final class Kpis {
    public static final String FLOOR = "floor";

    private Kpis() {
    }

    /** @param handlingBySeat per seat, {busy + wrap-up, busy + wrap-up + ready} ms over the shift so far */
    public static FloorKpis compute(SiteConfig site, List<SeatView> seats, Map<String, long[]> handlingBySeat,
                                    long shiftStart, long now) {
        GroupTally floor = new GroupTally(FLOOR, site.floor());
        // Teams in the site's order (empty ones too); the other groupings sorted by key.
        Map<Grouping, Map<String, GroupTally>> tallies = new EnumMap<>(Grouping.class);
        for (Grouping grouping : Grouping.values()) {
            tallies.put(grouping, grouping == Grouping.TEAM ? new LinkedHashMap<>() : new TreeMap<>());
        }
        site.teams().forEach(t -> tallies.get(Grouping.TEAM).put(t.id(), new GroupTally(Grouping.TEAM.key(), t.id())));
        for (SeatView view : seats) {
            SeatSpec spec = site.seatsById().get(view.seat());
            TeamSpec team = site.teamOf(spec);
            long[] handling = handlingBySeat.get(view.seat());
            floor.add(view, handling, now);
            tallies.forEach((grouping, byKey) -> byKey
                    .computeIfAbsent(grouping.groupOf(spec, team), key -> new GroupTally(grouping.key(), key))
                    .add(view, handling, now));
        }
        Map<String, List<GroupKpis>> groups = new LinkedHashMap<>();
        tallies.forEach((grouping, byKey) -> groups.put(grouping.key(),
                byKey.values().stream().map(GroupTally::kpis).toList()));
        return new FloorKpis(shiftStart, floor.kpis(), groups);
    }

    /** One group's figures, added up seat by seat. */
    private static final class GroupTally {
        private final String grouping;
        private final String key;
        private final int[] inState = new int[AgentState.values().length];
        private final Map<String, Integer> byReason = new TreeMap<>();
        private int seats;
        private int staffed;
        private int offline;
        private int help;
        private long longest;
        private String longestSeat;
        private long longestHelp;
        private long working;
        private long available;

        GroupTally(String grouping, String key) {
            this.grouping = grouping;
            this.key = key;
        }

        void add(SeatView seat, long[] handling, long now) {
            seats++;
            if (handling != null) {
                working += handling[0];
                available += handling[1];
            }
            if (!seat.online()) {
                offline++;
                return;
            }
            AgentState state = AgentState.valueOf(seat.state());
            inState[state.ordinal()]++;
            if (state == AgentState.LOGGED_OUT) {
                return;
            }
            staffed++;
            if (state == AgentState.NOT_READY && seat.reason() != null) {
                byReason.merge(seat.reason(), 1, Integer::sum);
            }
            if (seat.since() != null && now - seat.since() > longest) {
                longest = now - seat.since();
                longestSeat = seat.seat();
            }
            if (seat.help()) {
                help++;
                if (seat.helpSince() != null) {
                    longestHelp = Math.max(longestHelp, now - seat.helpSince());
                }
            }
        }

        GroupKpis kpis() {
            Double occupancy = available == 0 ? null : (double) working / available;
            return new GroupKpis(grouping, key, seats, staffed, inState[AgentState.READY.ordinal()],
                    inState[AgentState.BUSY.ordinal()], inState[AgentState.WRAP_UP.ordinal()],
                    inState[AgentState.NOT_READY.ordinal()], byReason, offline, help, occupancy, longest, longestSeat,
                    longestHelp);
        }
    }
}
