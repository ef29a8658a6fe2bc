package dev.seatlink.gateway.site;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.SeatConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One floor of a site as its site-config file describes it: seats on the floor plan, teams and how
 * they are grouped, not-ready reasons, wrap-up, KPI thresholds, shifts and who may act. Built only by
 * {@link SiteConfigLoader}, which has checked every rule and filled in every default, so the rest of
 * the gateway can trust it.
 *
 * @param reasons       the site's not-ready reason codes, in button order (a team may override them)
 * @param wrapUpSeconds the site's wrap-up length before the seat moves on by itself (0 = until a button)
 * @param wrapUpThen    READY or NOT_READY after the wrap-up timer
 * @param managers      users who may act on every seat (floor managers); team leaders are named on their team
 * @param integrations  accounts a phone system posts its events with ({@code POST /api/cti/events}); they act on
 *                      no seat
 * @param seatsByAcd    each seat by each of the phone system's names for it
 */
public record SiteConfig(String site, String floor, Shifts shifts, List<String> reasons, int wrapUpSeconds,
                         AgentState wrapUpThen, Thresholds thresholds, List<String> managers, List<String> integrations,
                         List<TeamSpec> teams, List<SeatSpec> seats, Map<String, SeatSpec> seatsById,
                         Map<String, TeamSpec> teamsById, Map<String, List<SeatSpec>> seatsByTeam,
                         Map<String, SeatSpec> seatsByAcd) {

    public SiteConfig {
        reasons = List.copyOf(reasons);
        managers = List.copyOf(managers);
        integrations = List.copyOf(integrations);
        teams = List.copyOf(teams);
        seats = List.copyOf(seats);
        seatsById = index(seats, SeatSpec::seat);
        teamsById = index(teams, TeamSpec::id);
        seatsByTeam = seats.stream().collect(Collectors.groupingBy(SeatSpec::team, Collectors.toUnmodifiableList()));
        Map<String, SeatSpec> byAcd = new LinkedHashMap<>();
        seats.forEach(seat -> seat.acd().forEach(name -> byAcd.putIfAbsent(name, seat)));
        seatsByAcd = java.util.Collections.unmodifiableMap(byAcd);
    }

    public SiteConfig(String site, String floor, Shifts shifts, List<String> reasons, int wrapUpSeconds,
                      AgentState wrapUpThen, Thresholds thresholds, List<String> managers, List<String> integrations,
                      List<TeamSpec> teams, List<SeatSpec> seats) {
        this(site, floor, shifts, reasons, wrapUpSeconds, wrapUpThen, thresholds, managers, integrations, teams, seats,
                Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public Optional<SeatSpec> seat(String id) {
        return Optional.ofNullable(seatsById.get(id));
    }

    /** The team of a seat the config knows. */
    public TeamSpec teamOf(SeatSpec seat) {
        return teamsById.get(seat.team());
    }

    /** A team's seats, in the config's order; none for a team without seats. */
    public List<SeatSpec> seatsOf(String team) {
        return seatsByTeam.getOrDefault(team, List.of());
    }

    public Optional<TeamSpec> team(String id) {
        return Optional.ofNullable(teamsById.get(id));
    }

    /**
     * The retained {@code config} the seat's terminal runs with: its team's reasons and wrap-up, and its team's
     * phone rules when the phone system reports on it.
     */
    public SeatConfig seatConfig(SeatSpec seat) {
        TeamSpec team = teamOf(seat);
        return new SeatConfig(seat.seat(), seat.agent(), seat.team(), team.reasons(), team.wrapUpSeconds(),
                team.wrapUpThen(), null, seat.onThePhoneSystem() ? team.phone() : null);
    }

    /** The seat the phone system calls {@code name} (an agent or device name of the site config). */
    public Optional<SeatSpec> seatForAcd(String name) {
        return Optional.ofNullable(seatsByAcd.get(name));
    }

    /** Whether a signed-in user may act on this seat: a floor manager, or the leader of the seat's team. */
    public boolean mayActOn(String user, SeatSpec seat) {
        return managers.contains(user) || user.equals(teamOf(seat).leader());
    }

    /** The teams a user leads, or every team for a floor manager. */
    public List<TeamSpec> teamsOf(String user) {
        return managers.contains(user) ? teams : teams.stream().filter(t -> user.equals(t.leader())).toList();
    }
}
