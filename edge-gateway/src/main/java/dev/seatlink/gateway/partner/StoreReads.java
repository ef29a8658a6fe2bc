package dev.seatlink.gateway.partner;

import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.gateway.store.StoredEvent;
import dev.seatlink.protocol.SeatEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** A seat's stored events, read on a Vert.x worker: SQLite is never read on the event loop. */
public final class StoreReads implements PartnerFill.StoredEvents {
    private final Vertx vertx;
    private final EventStore store;

    public StoreReads(Vertx vertx, EventStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    @Override
    public Future<List<SeatEvent>> between(String seat, long from, long to) {
        int most = (int) Math.min(Integer.MAX_VALUE, to - from + 1);
        return vertx.executeBlocking(() -> store.events(seat, from - 1, most).stream().map(StoredEvent::event)
                .filter(event -> event.seq() <= to).toList(), false);
    }
}
