package dev.seatlink.gateway.jobs;

import dev.seatlink.gateway.audit.AuditLog;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.shift.ShiftRecords;
import dev.seatlink.gateway.store.EventStore;
import io.vertx.core.Vertx;
import org.tinylog.Logger;

/** Every six hours, on a worker: deletes events, audit lines and shift records older than the retention. */
public final class Retention implements PeriodicJob {
    private final Vertx vertx;
    private final EventStore store;
    private final AuditLog auditLog;
    private final ShiftRecords shiftRecords;
    private final int days;
    private final FloorClock clock;

    public Retention(Vertx vertx, EventStore store, AuditLog auditLog, ShiftRecords shiftRecords, int days,
                     FloorClock clock) {
        this.vertx = vertx;
        this.store = store;
        this.auditLog = auditLog;
        this.shiftRecords = shiftRecords;
        this.days = days;
        this.clock = clock;
    }

    @Override
    public long periodMs() {
        return 6 * 60 * 60_000L;
    }

    @Override
    public void run() {
        long cutoff = clock.millis() - days * 86_400_000L;
        vertx.executeBlocking(() -> store.deleteBefore(cutoff) + auditLog.deleteBefore(cutoff)
                        + shiftRecords.deleteBefore(cutoff))
                .onSuccess(n -> Logger.info("retention: deleted {} event(s), audit lines and shift records older than {} days", n, days))
                .onFailure(e -> Logger.warn("retention failed: {}", e.getMessage()));
    }
}
