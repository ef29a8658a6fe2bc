package dev.seatlink.gateway.shift;

import dev.seatlink.gateway.floor.AlertChange;

/** Where each alert raised or cleared is recorded, for the shift's handover. */
public interface AlertJournal {
    AlertJournal NONE = change -> { };

    void changed(AlertChange change);
}
