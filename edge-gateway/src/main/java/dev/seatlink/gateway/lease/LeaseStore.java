package dev.seatlink.gateway.lease;

import dev.seatlink.protocol.GatewayStatus;
import io.vertx.core.Future;

/**
 * Where a pair keeps its {@link StoredLease}: one record per floor that a write replaces only when it names the
 * revision the store holds. Every future completes on the caller's event loop.
 */
public interface LeaseStore {
    /**
     * The record as read: its revision (0 when there is none) and the status it holds (null when none, or when
     * what it holds is not a gateway status: a record a stranger wrote is free to take).
     */
    record Entry(long revision, GatewayStatus status) {
        public static final Entry NONE = new Entry(0, null);
    }

    /** The failure of a write whose expected revision is not the store's: another gateway wrote meanwhile. */
    final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message, null, false, false);
        }
    }

    Future<Entry> read();

    /** Writes {@code status} over {@code expectedRevision} (0: no record yet); the new revision, or a {@link Conflict}. */
    Future<Long> write(GatewayStatus status, long expectedRevision);

    /** Lets go of the connection; nothing is written. */
    Future<Void> close();
}
