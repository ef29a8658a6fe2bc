package dev.seatlink.gateway.store;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rows of the {@code events} table as {@link SeatEvent}s. */
final class EventRows {
    private static final int STREAM_FETCH_ROWS = 1_000;

    private EventRows() {
    }

    /** Every row the query returns, in memory (small results: a page of history, the last per seat). */
    static List<StoredEvent> read(PreparedStatement q) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (ResultSet r = q.executeQuery()) {
            while (r.next()) {
                out.add(new StoredEvent(event(r), r.getLong("rx")));
            }
        }
        return out;
    }

    /** The rows one at a time from a cursor, so memory does not grow with the result. */
    static void stream(PreparedStatement q, EventStore.EventSink sink) throws SQLException {
        q.setFetchSize(STREAM_FETCH_ROWS);
        try (ResultSet r = q.executeQuery()) {
            while (r.next()) {
                sink.accept(event(r));
            }
        }
    }

    private static SeatEvent event(ResultSet r) throws SQLException {
        return new SeatEvent(r.getString("seat"), r.getString("agent"),
                AgentState.valueOf(r.getString("from_state")), AgentState.valueOf(r.getString("to_state")),
                r.getString("reason"), r.getInt("help") == 1, r.getLong("at"), r.getLong("seq"),
                r.getString("boot"), Cause.valueOf(r.getString("cause").toUpperCase(Locale.ROOT)));
    }
}
