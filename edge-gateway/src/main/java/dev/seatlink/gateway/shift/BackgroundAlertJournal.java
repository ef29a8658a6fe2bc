package dev.seatlink.gateway.shift;

import dev.seatlink.gateway.floor.AlertChange;
import io.vertx.core.Vertx;
import org.tinylog.Logger;

/** Records alert changes in the {@link ShiftRecords} on a worker, so a slow disk never holds the event loop. */
public final class BackgroundAlertJournal implements AlertJournal {
    private final Vertx vertx;
    private final ShiftRecords records;

    public BackgroundAlertJournal(Vertx vertx, ShiftRecords records) {
        this.vertx = vertx;
        this.records = records;
    }

    @Override
    public void changed(AlertChange change) {
        vertx.executeBlocking(() -> {
            records.alert(change);
            return null;
        }).onFailure(e -> Logger.error("alert not recorded for the handover ({}): {}", e.getMessage(), change));
    }
}
