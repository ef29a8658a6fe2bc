package dev.seatlink.gateway.audit;

import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.gateway.store.SeatFilter;
import dev.seatlink.gateway.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log, a table in the gateway's SQLite file (WAL, synchronous=FULL, like the events).
 * Supervisor actions are few, so each line is its own transaction on a short-lived connection; callers
 * run it off the event loop. Kept as long as the events (the retention applies to both).
 */
public final class AuditLog {
    private final Path file;

    private AuditLog(Path file) {
        this.file = file;
    }

    /** Opens the audit table in the gateway's store file, creating it if needed. */
    public static AuditLog open(Path storeFile) {
        AuditLog log = new AuditLog(storeFile);
        try (Connection c = log.connect(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS audit (
                      at INTEGER NOT NULL, user TEXT NOT NULL, seat TEXT NOT NULL, action TEXT NOT NULL,
                      detail TEXT, outcome TEXT NOT NULL, error TEXT, command_id TEXT)""");
            s.execute("CREATE INDEX IF NOT EXISTS audit_at ON audit(at)");
        } catch (SQLException e) {
            throw new StoreException("cannot open the audit log in " + storeFile + ": " + e.getMessage(), e);
        }
        return log;
    }

    private Connection connect() throws SQLException {
        return EventStore.connectDurable(file);
    }

    public void append(AuditEntry entry) {
        try (Connection c = connect();
             PreparedStatement insert = c.prepareStatement("INSERT INTO audit VALUES (?,?,?,?,?,?,?,?)")) {
            insert.setLong(1, entry.at());
            insert.setString(2, entry.user());
            insert.setString(3, entry.seat());
            insert.setString(4, entry.action());
            insert.setString(5, entry.detail());
            insert.setString(6, entry.outcome());
            insert.setString(7, entry.error());
            insert.setString(8, entry.commandId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write the audit log: " + e.getMessage(), e);
        }
    }

    /** Deletes lines older than {@code cutoffMs} (the same retention as the events); returns how many. */
    public int deleteBefore(long cutoffMs) {
        try (Connection c = connect(); PreparedStatement d = c.prepareStatement("DELETE FROM audit WHERE at < ?")) {
            d.setLong(1, cutoffMs);
            return d.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot apply retention to the audit log: " + e.getMessage(), e);
        }
    }

    /** Which lines a reader asks for. */
    public record Query(long from, long to, long after, String outcome, java.util.Collection<String> seats, int limit) {
    }

    /**
     * Lines with {@code from <= at < to} written after line {@code after}, oldest first, at most {@code limit}:
     * only with {@code outcome} when it is not null, and only of {@code seats} when they are not null (a team
     * leader's teams). The last line's {@link AuditEntry#id} is where the next page starts.
     */
    public List<AuditEntry> read(Query query) {
        try (Connection c = connect();
             PreparedStatement q = c.prepareStatement("SELECT rowid AS id, * FROM audit WHERE at >= ?1 AND at < ?2 "
                     + "AND rowid > ?3 AND (?4 IS NULL OR outcome = ?4) "
                     + "AND " + SeatFilter.sql(5) + " ORDER BY rowid LIMIT ?6")) {
            q.setLong(1, query.from());
            q.setLong(2, query.to());
            q.setLong(3, query.after());
            q.setString(4, query.outcome());
            q.setString(5, SeatFilter.parameter(query.seats()));
            q.setInt(6, query.limit());
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(new AuditEntry(r.getLong("at"), r.getString("user"), r.getString("seat"),
                            r.getString("action"), r.getString("detail"), r.getString("outcome"), r.getString("error"),
                            r.getString("command_id"), r.getLong("id")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit log: " + e.getMessage(), e);
        }
    }
}
