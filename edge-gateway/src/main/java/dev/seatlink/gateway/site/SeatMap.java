package dev.seatlink.gateway.site;

import dev.seatlink.protocol.AgentState;
import java.util.List;
import java.util.Optional;

/**
 * One floor of a site as the seat-map file describes it. Built only by {@link SeatMapLoader},
 * which has checked every rule, so the rest of the gateway can trust it.
 *
 * @param reasons       not-ready reason codes every seat offers, in button order
 * @param wrapUpSeconds wrap-up length before the seat moves on by itself (0 = until a button)
 * @param wrapUpThen    READY or NOT_READY after the wrap-up timer
 */
public record SeatMap(String site, String floor, List<String> reasons, int wrapUpSeconds, AgentState wrapUpThen,
                      List<TeamSpec> teams, List<SeatSpec> seats) {

    public SeatMap {
        reasons = List.copyOf(reasons);
        teams = List.copyOf(teams);
        seats = List.copyOf(seats);
    }

    public Optional<SeatSpec> seat(String id) {
        return seats.stream().filter(s -> s.seat().equals(id)).findFirst();
    }
}
