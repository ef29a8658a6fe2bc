package dev.seatlink.gateway.site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The center's shifts: it runs 7×24 and intraday figures restart at each shift start.
 *
 * @param zone   the site's time zone (default UTC)
 * @param starts the shift start times of every day, sorted (default 06:00, 14:00, 22:00)
 */
public record Shifts(ZoneId zone, List<LocalTime> starts) {

    public Shifts {
        starts = starts.stream().sorted().toList();
    }

    public static Shifts defaults() {
        return new Shifts(ZoneId.of("UTC"), List.of(LocalTime.of(6, 0), LocalTime.of(14, 0), LocalTime.of(22, 0)));
    }

    /** When the shift running at {@code nowMs} began (ms since epoch). */
    public long startOf(long nowMs) {
        ZonedDateTime now = Instant.ofEpochMilli(nowMs).atZone(zone);
        LocalDate day = now.toLocalDate();
        for (int back = 0; back <= 1; back++) {
            LocalDate d = day.minusDays(back);
            for (int i = starts.size() - 1; i >= 0; i--) {
                long start = d.atTime(starts.get(i)).atZone(zone).toInstant().toEpochMilli();
                if (start <= nowMs) {
                    return start;
                }
            }
        }
        throw new IllegalStateException("no shift start before " + now); // unreachable: yesterday's last start
    }

    /** When the shift running at {@code nowMs} ends: the next shift's start (ms since epoch). */
    public long endOf(long nowMs) {
        LocalDate day = Instant.ofEpochMilli(nowMs).atZone(zone).toLocalDate();
        for (int ahead = 0; ahead <= 1; ahead++) {
            for (LocalTime start : starts) {
                long at = day.plusDays(ahead).atTime(start).atZone(zone).toInstant().toEpochMilli();
                if (at > nowMs) {
                    return at;
                }
            }
        }
        throw new IllegalStateException("no shift start after " + nowMs); // unreachable: tomorrow's first start
    }

    /** Midnight at the start of a day in the site's zone, in ms since epoch. */
    public long startOfDay(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    public LocalDate today(long nowMs) {
        return Instant.ofEpochMilli(nowMs).atZone(zone).toLocalDate();
    }
}
