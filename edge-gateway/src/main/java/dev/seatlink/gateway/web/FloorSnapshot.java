package dev.seatlink.gateway.web;

import dev.seatlink.gateway.floor.FloorCounts;
import dev.seatlink.gateway.floor.SeatView;
import java.util.List;
import java.util.Map;

/** The body of {@code GET /api/floor}. */
record FloorSnapshot(String site, String floor, List<SeatView> seats, List<Team> teams, Kpis kpis) {

    /** A team with its live counts per state. */
    record Team(String id, String name, String leader, Map<String, Integer> counts) {
    }

    /** Floor-wide figures; also the payload of the stream's {@code kpis} event. */
    record Kpis(int seats, int online, int help, Map<String, Integer> states) {
        static Kpis of(FloorCounts counts) {
            return new Kpis(counts.seats(), counts.online(), counts.help(), counts.states());
        }
    }
}
