package dev.seatlink.gateway.floor;

import java.util.List;


/** The floor as of one tick: its KPIs, counts, help queue and active alerts. */
public record Tick(long now, FloorKpis kpis, FloorCounts counts, List<HelpRequest> helpQueue, List<Alert> alerts) {

    /** What runs after each tick, in the order the floor tick was given them. */
    public interface Listener {
        void ticked(Tick tick);
    }
}
