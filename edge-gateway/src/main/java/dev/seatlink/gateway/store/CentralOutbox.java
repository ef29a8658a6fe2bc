package dev.seatlink.gateway.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The events still to be copied to the centre-wide store: a {@code central_outbox} table beside the events in
 * the gateway's SQLite file, filled in the same transaction as each new event, emptied only after the centre's
 * store committed them. So the centre's store may be down for as long as the disk holds: nothing is lost, and a
 * copy repeated after a crash is harmless (the centre ignores what it has).
 */
public final class CentralOutbox {
    static final String QUEUE = "INSERT OR IGNORE INTO central_outbox VALUES (?, ?)";

    private final Path file;

    public CentralOutbox(EventStore store) {
        this.file = store.file();
    }

    /** Creates the table; the first time, every event already stored is queued (the centre gets the history). */
    static void create(Statement s) throws SQLException {
        boolean existed;
        try (ResultSet r = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'central_outbox'")) {
            existed = r.next();
        }
        s.execute("CREATE TABLE IF NOT EXISTS central_outbox (seat TEXT NOT NULL, seq INTEGER NOT NULL, "
                + "PRIMARY KEY (seat, seq)) WITHOUT ROWID");
        if (!existed) {
            s.execute("INSERT OR IGNORE INTO central_outbox SELECT seat, seq FROM events");
        }
    }

    /** Retention deleted events that were never copied (the centre's store was down for the whole retention). */
    static void dropOrphans(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM central_outbox WHERE NOT EXISTS (SELECT 1 FROM events e "
                    + "WHERE e.seat = central_outbox.seat AND e.seq = central_outbox.seq)");
        }
    }

    /** Up to {@code limit} queued events, oldest seat and seq first. */
    public List<StoredEvent> next(int limit) {
        try (Connection c = EventStore.connect(file);
             PreparedStatement q = c.prepareStatement("SELECT e.* FROM central_outbox o JOIN events e "
                     + "ON e.seat = o.seat AND e.seq = o.seq ORDER BY o.seat, o.seq LIMIT ?")) {
            q.setInt(1, limit);
            return EventRows.read(q);
        } catch (SQLException e) {
            throw new StoreException("cannot read the central outbox: " + e.getMessage(), e);
        }
    }

    /** The centre's store committed these: they leave the outbox. */
    public void copied(List<StoredEvent> events) {
        try (Connection c = EventStore.connect(file);
             PreparedStatement d = c.prepareStatement("DELETE FROM central_outbox WHERE seat = ? AND seq = ?")) {
            c.setAutoCommit(false);
            for (StoredEvent stored : events) {
                d.setString(1, stored.event().seat());
                d.setLong(2, stored.event().seq());
                d.addBatch();
            }
            d.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("cannot update the central outbox: " + e.getMessage(), e);
        }
    }

    /** Events waiting to be copied. */
    public long size() {
        try (Connection c = EventStore.connect(file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM central_outbox")) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot count the central outbox: " + e.getMessage(), e);
        }
    }
}
