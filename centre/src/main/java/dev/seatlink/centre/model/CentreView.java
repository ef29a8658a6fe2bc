package dev.seatlink.centre.model;

import java.util.List;
import java.util.Map;

/**
 * What the duty manager's page shows, as of {@code now}: a tile per floor, centre-wide figures per grouping
 * and one queue of raised hands and alerts. The body of {@code /api/centre} and of each stream update.
 *
 * @param link       whether the centre view's own broker link is up ({@code UP}/{@code DOWN})
 * @param staleFloors floors whose gateways have been silent longer than {@link CentreModel#STALE_MS}
 */
public record CentreView(String centre, long now, String link, List<Tile> floors, Totals totals, int staleFloors,
                         Map<String, List<GroupRow>> groups, List<QueueItem> queue, int queueTotal) {

    /**
     * One floor's tile.
     *
     * @param state      {@code live}; {@code stale} (nothing heard for 5 s: both gateways silent); {@code waiting}
     *                   (never heard since this view started)
     * @param primary    the gateway holding the floor's lease, or null when its lease says offline
     * @param wallboard  the primary's wallboard, as its lease says, or null
     * @param heardMsAgo since anything was heard from the floor's gateways, or -1 when never
     */
    public record Tile(String key, String site, String floor, String name, String state, int seats, int online,
                       int staffed, int ready, Integer occupancy, int help, int alerts, String primary,
                       String wallboard, long heardMsAgo, long summaryAt) {
    }

    /** Centre-wide counts over every floor heard from; occupancy weighted by staffed seats. */
    public record Totals(int seats, int online, int staffed, int ready, int help, int alerts, Integer occupancy) {
    }

    /** One business line, customer tier or skill tier across the floors that have it. */
    public record GroupRow(String key, int floors, int seats, int staffed, int ready, int busy, int wrapUp,
                           int notReady, int help, Integer occupancy) {
    }

    /** A raised hand ({@code help}) or an alert ({@code alert}) somewhere in the centre. */
    public record QueueItem(String kind, String floorKey, String floorName, String seat, String team, String agent,
                            String text, long since, String wallboard) {
    }
}
