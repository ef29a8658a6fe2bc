package dev.seatlink.gateway.web;

import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.gateway.store.StoredEvent;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** {@code GET /api/seats/{seat}/events}: stored events read on a worker thread, never on the event loop. */
public final class EventHistory {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** One stored event as the API shows it: the event's fields plus the gateway's receive time. */
    record EventView(String seat, String agent, AgentState from, AgentState to, String reason, boolean help, long at,
                     long seq, String boot, Cause cause, long rx) {
        static EventView of(StoredEvent stored) {
            var e = stored.event();
            return new EventView(e.seat(), e.agent(), e.from(), e.to(), e.reason(), e.help(), e.at(), e.seq(), e.boot(),
                    e.cause(), stored.rx());
        }
    }

    private final Vertx vertx;
    private final EventStore store;

    public EventHistory(Vertx vertx, EventStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    Future<List<EventView>> events(String seat, long after, int limit) {
        return vertx.executeBlocking(() -> store.events(seat, after, limit).stream().map(EventView::of).toList(), false);
    }
}
