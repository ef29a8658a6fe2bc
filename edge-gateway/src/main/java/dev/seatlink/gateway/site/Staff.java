package dev.seatlink.gateway.site;

import java.util.List;

/**
 * Who signs in to the floor besides its team leaders (named on their teams), by role. A user is in at most
 * one list but may also lead teams; an integration account is in no other list and leads nothing.
 *
 * @param centreManagers every floor, every action, the configuration (the site config's {@code managers})
 * @param dutyManagers   the running shift on this floor: every seat, moves, the duty log
 * @param quality        quality analysts and trainers: the live view and reports of every team, no actions
 * @param integrations   accounts a phone system posts its events with; they act on no seat
 */
public record Staff(List<String> centreManagers, List<String> dutyManagers, List<String> quality,
                    List<String> integrations) {

    public Staff {
        centreManagers = List.copyOf(centreManagers);
        dutyManagers = List.copyOf(dutyManagers);
        quality = List.copyOf(quality);
        integrations = List.copyOf(integrations);
    }
}
