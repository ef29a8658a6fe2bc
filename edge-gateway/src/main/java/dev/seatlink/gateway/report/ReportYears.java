package dev.seatlink.gateway.report;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The years a report, a roster or a review may name: wide enough for any real floor, narrow enough that every sum
 * of dates and times stays far from overflow (a date of year 999999999 once made the roster route fail with a 500).
 */
public final class ReportYears {
    public static final int FIRST = 2000;
    public static final int LAST = 2200;
    /** Where the years begin and end, in ms since the epoch (UTC; a zone moves them by hours, which is harmless). */
    public static final long EARLIEST_MS = LocalDate.of(FIRST, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()
            .toEpochMilli();
    public static final long END_MS = LocalDate.of(LAST + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()
            .toEpochMilli();
    /** How a refusal says it. */
    public static final String RANGE = "between " + FIRST + " and " + LAST;

    private ReportYears() {
    }

    public static boolean holds(int year) {
        return year >= FIRST && year <= LAST;
    }
}
