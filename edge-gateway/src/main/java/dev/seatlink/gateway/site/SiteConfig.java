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
 * @param staff         who signs in besides the team leaders named on their teams, by role
 * @param seatsByAcd    each seat by each of the phone system's names for it
 */
public record SiteConfig(String site, String floor, Shifts shifts, List<String> reasons, int wrapUpSeconds,
                         AgentState wrapUpThen, Thresholds thresholds, Staff staff,
                         List<TeamSpec> teams, List<SeatSpec> seats, Map<String, SeatSpec> seatsById,
                         Map<String, TeamSpec> teamsById, Map<String, List<SeatSpec>> seatsByTeam,
                         Map<String, SeatSpec> seatsByAcd) {

    public SiteConfig {
        reasons = List.copyOf(reasons);
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
                      AgentState wrapUpThen, Thresholds thresholds, Staff staff, List<TeamSpec> teams,
                      List<SeatSpec> seats) {
        this(site, floor, shifts, reasons, wrapUpSeconds, wrapUpThen, thresholds, staff, teams, seats,
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

    /** The same floor with these seats (each a seat of this config, maybe in another of its teams). */
    public SiteConfig withSeats(List<SeatSpec> movedSeats) {
        return new SiteConfig(site, floor, shifts, reasons, wrapUpSeconds, wrapUpThen, thresholds, staff, teams,
                movedSeats);
    }
}
