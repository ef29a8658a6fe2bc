package dev.seatlink.gateway.audit;

import io.vertx.core.Vertx;
import org.tinylog.Logger;

/** Appends to the {@link AuditLog} on a worker, so a slow disk never holds the event loop. */
public final class BackgroundAuditTrail implements AuditTrail {
    private final Vertx vertx;
    private final AuditLog log;

    public BackgroundAuditTrail(Vertx vertx, AuditLog log) {
        this.vertx = vertx;
        this.log = log;
    }

    @Override
    public void record(AuditEntry entry) {
        vertx.executeBlocking(() -> {
            log.append(entry);
            return null;
        }).onFailure(e -> Logger.error("audit log write failed ({}); the entry: {}", e.getMessage(), entry));
    }
}
