package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.site.SiteConfig;
import java.util.List;
import java.util.Map;

/**
 * What the floor's KPIs, counts and help queue are computed from, taken on the floor's event loop: immutable seat views and the
 * shift's sums. {@link #compute()} touches nothing else, so it may run on a worker thread while the event
 * loop serves requests (at 10,000 seats the computation held the loop for tens of milliseconds a second).
 *
 * @param handlingBySeat per seat, {busy + wrap-up, busy + wrap-up + ready} ms over the shift so far
 */
public record KpiInputs(SiteConfig site, List<SeatView> seats, Map<String, long[]> handlingBySeat, long shiftStart,
                        long now) {

    public FloorKpis compute() {
        return Kpis.compute(site, seats, handlingBySeat, shiftStart, now);
    }

    /** Seats per shown state, for the floor and per team. */
    public FloorCounts counts() {
        return FloorCounts.of(site, seats);
    }

    /** The raised hands, longest waiting first, with where each is routed. */
    public List<HelpRequest> helpQueue() {
        return HelpQueue.of(site, seats, now);
    }
}
