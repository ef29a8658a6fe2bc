package dev.seatlink.gateway.web;

import dev.seatlink.gateway.roster.StaffingSamples;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.gateway.calls.CallKpis;
import dev.seatlink.gateway.floor.FloorCounts;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.GroupKpis;
import dev.seatlink.gateway.floor.Grouping;
import dev.seatlink.gateway.floor.Tick;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.TeamSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The floor's live figures as of the last tick, owned here and read by the stream and every route: KPIs,
 * counts, help queue and alerts, and their JSON, written once per tick however many read it. Nothing
 * here computes KPIs: the tick does, on a worker; the gateway serves HTTP only after its first tick.
 */
public final class LiveFigures implements Tick.Listener {
    private final FloorModel floor;
    private final LiveUpdates live;
    private final GatewayRole role;
    private FloorSnapshot.Live latest;
    private FloorCounts counts;
    /** {@link #latest} as JSON, for the stream and every {@code /api/floor} until the next tick. */
    private RawJson json;
    /** The teams with their counts, for {@code /api/floor}. */
    private RawJson teamsJson;
    /** Per team, the agents the roster has working now; empty without a roster. */
    private Map<String, Integer> scheduledNow = Map.of();
    private final StaffingSamples staffing = new StaffingSamples();

    public LiveFigures(FloorModel floor, LiveUpdates live, GatewayRole role) {
        this.floor = floor;
        this.live = live;
        this.role = role;
    }

    @Override
    public void ticked(Tick tick) {
        scheduledNow = floor.scheduledNow();
        latest = FloorSnapshot.Live.of(tick.now(), tick.counts(), tick.kpis(), tick.helpQueue(),
                floor.helpTaken(), floor.alerts(), RoleJson.of(role), callKpis(), scheduledNow);
        counts = tick.counts();
        staffing.sample(tick.now(), staffedAndReady(tick.counts()));
        json = null;
        teamsJson = null;
        live.kpis(this);
    }

    /** The shift's call figures: bounded by teams and the seats on the phone system, summed on the loop. */
    private CallKpis callKpis() {
        if (floor.calls().isEmpty()) {
            return CallKpis.NONE;
        }
        Map<String, String> agents = new java.util.HashMap<>();
        floor.seats().forEach(view -> agents.put(view.seat(), view.agent()));
        return CallKpis.of(floor.site(), floor.calls(), agents);
    }

    /** The last tick's figures. */
    public FloorSnapshot.Live latest() {
        return latest;
    }

    /** {@link #latest()} as JSON. */
    public RawJson json() {
        if (json == null) {
            json = RawJson.of(latest);
        }
        return json;
    }

    /** Each team as configured, with its counts (none yet for a team added since the last tick). */
    RawJson teamsJson(SiteConfig site) {
        if (teamsJson == null) {
            teamsJson = RawJson.of(site.teams().stream().map(this::team).toList());
        }
        return teamsJson;
    }

    FloorSnapshot.Team team(TeamSpec spec) {
        return FloorSnapshot.Team.of(spec, counts.teams().getOrDefault(spec.id(), Map.of()),
                scheduledNow.get(spec.id()));
    }

    /** The team's staffed and ready agents per 15-minute interval of {@code [from, to)}, as sampled. */
    List<StaffingSamples.Sample> staffing(String team, long from, long to) {
        return staffing.of(team, from, to);
    }

    private static Map<String, int[]> staffedAndReady(FloorCounts counts) {
        Map<String, int[]> figures = new java.util.HashMap<>();
        counts.teams().forEach((team, states) -> {
            int ready = states.getOrDefault(AgentState.READY.name(), 0);
            int staffed = java.util.Arrays.stream(AgentState.values()).filter(AgentState::signedIn)
                    .mapToInt(state -> states.getOrDefault(state.name(), 0)).sum();
            figures.put(team, new int[] {staffed, ready});
        });
        return figures;
    }

    /** A team's KPIs, empty for a team added since the last tick. */
    Optional<GroupKpis> teamKpis(String team) {
        return latest.groups().getOrDefault(Grouping.TEAM.key(), List.of()).stream()
                .filter(g -> g.key().equals(team)).findFirst();
    }
}
