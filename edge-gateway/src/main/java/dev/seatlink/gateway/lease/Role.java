package dev.seatlink.gateway.lease;

import java.util.Locale;

/** A gateway's part on its floor: the primary publishes configs, commands and the summary; both ingest. */
public enum Role {
    PRIMARY, STANDBY;

    /** As /health and the wallboard show it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
