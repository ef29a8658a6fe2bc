package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.site.HelpRoute;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.TeamSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Orders the raised hands by how long they have waited and says where each is routed. Pure. */
public final class HelpQueue {
    private HelpQueue() {
    }

    public static List<HelpRequest> of(SiteConfig site, List<SeatView> seats, long now) {
        List<HelpRequest> queue = new ArrayList<>();
        for (SeatView seat : seats) {
            if (!seat.help() || seat.helpSince() == null) {
                continue;
            }
            SeatSpec spec = site.seatsById().get(seat.seat());
            TeamSpec team = site.teamOf(spec);
            HelpRoute route = team.help();
            TeamSpec to = route.specialist() ? site.teamsById().get(route.group()) : team;
            queue.add(new HelpRequest(seat.seat(), seat.agent(), team.id(), route.model(), to.id(),
                    takers(site, to, seat.seat(), route.specialist()), seat.helpSince(), now - seat.helpSince()));
        }
        queue.sort(Comparator.comparingLong(HelpRequest::since));
        return queue;
    }

    /** The routed team's leader, then its experts (a specialist group: all its agents), never the asker. */
    private static List<String> takers(SiteConfig site, TeamSpec team, String asker, boolean specialistGroup) {
        List<String> takers = new ArrayList<>();
        if (team.leader() != null) {
            takers.add(team.leader());
        }
        for (SeatSpec seat : site.seatsOf(team.id())) {
            if (seat.agent() != null && !seat.seat().equals(asker)
                    && (specialistGroup || SeatSpec.EXPERT.equals(seat.skill()))) {
                takers.add(seat.agent());
            }
        }
        return takers;
    }
}
