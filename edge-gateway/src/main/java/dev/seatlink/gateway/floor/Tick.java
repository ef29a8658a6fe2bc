package dev.seatlink.gateway.floor;


/** The floor as of one tick: its KPIs, counts and active alerts. */
public record Tick(long now, FloorKpis kpis, FloorCounts counts, int alerts) {

    /** What runs after each tick, in the order the floor tick was given them. */
    public interface Listener {
        void ticked(Tick tick);
    }
}
