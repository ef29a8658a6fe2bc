package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.TeamSpec;
import dev.seatlink.protocol.AgentState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** Computes {@link GroupKpis} from the seats' views and the shift's ledger. Pure. */
public final class Kpis {
    public static final String FLOOR = "floor";
    /** How seats can be grouped, and the group a seat falls in for each. */
    public static final Map<String, BiFunction<SeatSpec, TeamSpec, String>> GROUPINGS = groupings();

    private Kpis() {
    }

    private static Map<String, BiFunction<SeatSpec, TeamSpec, String>> groupings() {
        Map<String, BiFunction<SeatSpec, TeamSpec, String>> g = new LinkedHashMap<>();
        g.put("team", (seat, team) -> team.id());
        g.put("businessLine", (seat, team) -> team.businessLine());
        g.put("customerTier", (seat, team) -> team.customerTier());
        g.put("skillTier", (seat, team) -> seat.skill());
        return g;
    }

    public static FloorKpis compute(SiteConfig site, List<SeatView> seats, List<AgentTime> agents, long shiftStart,
                                    long now) {
        Map<String, List<AgentTime>> timeBySeat = new LinkedHashMap<>();
        agents.forEach(a -> timeBySeat.computeIfAbsent(a.seat(), k -> new ArrayList<>()).add(a));
        GroupKpis floor = group(FLOOR, site.floor(), seats, timeBySeat, now);
        Map<String, List<GroupKpis>> groups = new LinkedHashMap<>();
        GROUPINGS.forEach((name, keyOf) -> {
            Map<String, List<SeatView>> members = name.equals("team") ? new LinkedHashMap<>() : new TreeMap<>();
            if (name.equals("team")) {
                site.teams().forEach(t -> members.put(t.id(), new ArrayList<>()));
            }
            for (SeatView view : seats) {
                SeatSpec spec = site.seatsById().get(view.seat());
                members.computeIfAbsent(keyOf.apply(spec, site.teamOf(spec)), k -> new ArrayList<>()).add(view);
            }
            List<GroupKpis> list = new ArrayList<>();
            members.forEach((key, views) -> list.add(group(name, key, views, timeBySeat, now)));
            groups.put(name, list);
        });
        return new FloorKpis(shiftStart, floor, groups, agents);
    }

    private static GroupKpis group(String grouping, String key, List<SeatView> seats,
                                   Map<String, List<AgentTime>> timeBySeat, long now) {
        int staffed = 0;
        int offline = 0;
        int help = 0;
        int[] inState = new int[AgentState.values().length];
        Map<String, Integer> byReason = new TreeMap<>();
        long longest = 0;
        String longestSeat = null;
        long longestHelp = 0;
        long working = 0;
        long available = 0;
        for (SeatView seat : seats) {
            for (AgentTime time : timeBySeat.getOrDefault(seat.seat(), List.of())) {
                long handling = time.ms(AgentState.BUSY) + time.ms(AgentState.WRAP_UP);
                working += handling;
                available += handling + time.ms(AgentState.READY);
            }
            if (!seat.online()) {
                offline++;
                continue;
            }
            AgentState state = AgentState.valueOf(seat.state());
            inState[state.ordinal()]++;
            if (state == AgentState.LOGGED_OUT) {
                continue;
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
        Double occupancy = available == 0 ? null : (double) working / available;
        return new GroupKpis(grouping, key, seats.size(), staffed, inState[AgentState.READY.ordinal()],
                inState[AgentState.BUSY.ordinal()], inState[AgentState.WRAP_UP.ordinal()],
                inState[AgentState.NOT_READY.ordinal()], byReason, offline, help, occupancy, longest, longestSeat,
                longestHelp);
    }
}
