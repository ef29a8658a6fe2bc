package dev.seatlink.gateway.cti;

import dev.seatlink.gateway.site.SeatSpec;

/** Who keeps the phone system's queue pause of each seat as the ACD reports it ({@code agent.paused}/{@code unpaused}). */
public interface PauseReports {
    void reported(SeatSpec seat, boolean paused, String reason);
}
