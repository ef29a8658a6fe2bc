package dev.seatlink.gateway.roster;

import java.util.List;

/**
 * One agent's scheduled shift, resolved to instants in the site's time zone (a night shift ends the next day; a
 * shift across a clock change is as long as the clocks say).
 *
 * @param day    the roster's date for it, {@code YYYY-MM-DD}
 * @param shift  the shift, start to end
 * @param breaks the breaks within it, in order
 */
public record Schedule(String agent, String day, Span shift, List<Span> breaks) {
    public Schedule {
        breaks = List.copyOf(breaks);
    }

    public Activity activityAt(long at) {
        if (!shift.contains(at)) {
            return Activity.OFF;
        }
        return breaks.stream().anyMatch(b -> b.contains(at)) ? Activity.BREAK : Activity.WORK;
    }

    /** The scheduled time (work and breaks) within {@code [from, to)}. */
    public long scheduledMs(long from, long to) {
        return shift.overlap(from, to);
    }
}
