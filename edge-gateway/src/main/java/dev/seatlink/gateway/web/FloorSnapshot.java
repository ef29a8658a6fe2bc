package dev.seatlink.gateway.web;

import com.fasterxml.jackson.databind.JsonSerializable;
import dev.seatlink.gateway.calls.CallKpis;
import dev.seatlink.gateway.floor.Alert;
import dev.seatlink.gateway.floor.FloorCounts;
import dev.seatlink.gateway.floor.FloorKpis;
import dev.seatlink.gateway.floor.GroupKpis;
import dev.seatlink.gateway.floor.HelpRequest;
import dev.seatlink.gateway.floor.HelpTaken;
import dev.seatlink.gateway.floor.SeatView;
import dev.seatlink.gateway.site.HelpRoute;
import dev.seatlink.gateway.site.TeamSpec;
import dev.seatlink.gateway.site.Thresholds;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/floor}: {@code seats} is each {@link SeatView} (written once per change, see
 * {@link SeatJson}), {@code teams} each {@link Team}, {@code kpis} the {@link Live} figures (both written
 * once per tick).
 */
public record FloorSnapshot(String site, String floor, JsonSerializable seats, RawJson teams, Thresholds thresholds,
                            RawJson kpis, String siteProblem) {

    /**
     * A team as configured, with its live counts per state and the roster's agents scheduled to work now (null
     * without a roster).
     */
    record Team(String id, String name, String leader, String businessLine, String customerTier, String skillTier,
                int minReady, HelpRoute help, Map<String, Integer> counts, Integer scheduledNow) {
        static Team of(TeamSpec spec, Map<String, Integer> counts, Integer scheduledNow) {
            return new Team(spec.id(), spec.name(), spec.leader(), spec.businessLine(), spec.customerTier(),
                    spec.skillTier(), spec.minReady(), spec.help(), counts, scheduledNow);
        }
    }

    /**
     * Everything on the floor that changes by itself as time passes; also the payload of the stream's
     * {@code kpis} event.
     *
     * @param states seats per shown state, OFFLINE included
     * @param groups per grouping (team, businessLine, customerTier, skillTier), its groups' KPIs
     * @param gateway this gateway's role on the floor ({@link RoleJson}), for the wallboard's badge
     * @param scheduled per team, the agents the roster has working now (empty without a roster)
     */
    public record Live(long now, int seats, int online, int help, Map<String, Integer> states, long shiftStart,
                GroupKpis floorKpis, Map<String, List<GroupKpis>> groups, List<HelpRequest> helpQueue,
                List<HelpTaken> helpTaken, List<Alert> alerts, Map<String, Object> gateway, CallKpis calls,
                Map<String, Integer> scheduled) {
        static Live of(long now, FloorCounts counts, FloorKpis kpis, List<HelpRequest> queue, List<HelpTaken> taken,
                       List<Alert> alerts, Map<String, Object> gateway, CallKpis calls, Map<String, Integer> scheduled) {
            return new Live(now, counts.seats(), counts.online(), counts.help(), counts.states(), kpis.shiftStart(),
                    kpis.floor(), kpis.groups(), queue, taken, alerts, gateway, calls, scheduled);
        }
    }
}
