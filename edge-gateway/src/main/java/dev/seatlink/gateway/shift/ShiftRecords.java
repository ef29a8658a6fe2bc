package dev.seatlink.gateway.shift;

import dev.seatlink.gateway.floor.AlertChange;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.gateway.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a shift leaves besides its events, in the gateway's SQLite file: the duty log, the alerts raised and
 * cleared, and each shift's handover report with its acknowledgement. Few rows, so each call is its own
 * transaction on a short-lived connection (synchronous=FULL); kept as long as the events. Blocking: call from a
 * worker.
 */
public final class ShiftRecords {
    /** At most this many log lines or alert changes are read for one report. */
    static final int MAX_READ = 5_000;

    private final Path file;

    private ShiftRecords(Path file) {
        this.file = file;
    }

    public static ShiftRecords open(Path storeFile) {
        ShiftRecords records = new ShiftRecords(storeFile);
        try (Connection c = records.connect(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS duty_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,
                      author TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, open INTEGER NOT NULL)""");
            s.execute("CREATE INDEX IF NOT EXISTS duty_log_at ON duty_log(at)");
            if (!hasColumn(c, "duty_log", "ref")) { // a log written before lines were shared by the floor's pair
                s.execute("ALTER TABLE duty_log ADD COLUMN ref TEXT");
            }
            s.execute("CREATE UNIQUE INDEX IF NOT EXISTS duty_log_ref ON duty_log(ref)");
            s.execute("CREATE TABLE IF NOT EXISTS handover_acks (shift_start INTEGER PRIMARY KEY, "
                    + "by_user TEXT NOT NULL, at INTEGER NOT NULL)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS alert_log (at INTEGER NOT NULL, change TEXT NOT NULL,
                      type TEXT NOT NULL, team TEXT, seat TEXT, text TEXT NOT NULL)""");
            s.execute("CREATE INDEX IF NOT EXISTS alert_log_at ON alert_log(at)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS handovers (shift_start INTEGER PRIMARY KEY, shift_end INTEGER NOT NULL,
                      produced_at INTEGER NOT NULL, report TEXT NOT NULL, acknowledged_by TEXT,
                      acknowledged_at INTEGER)""");
        } catch (SQLException e) {
            throw new StoreException("cannot open the shift records in " + storeFile + ": " + e.getMessage(), e);
        }
        return records;
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (r.next()) {
                if (column.equals(r.getString("name"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private Connection connect() throws SQLException {
        return EventStore.connectDurable(file);
    }

    /** Writes a log line (one whose {@code ref} is here already is not written twice); returns it with its id. */
    public DutyLogEntry write(DutyLogEntry entry) {
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(
                "INSERT OR IGNORE INTO duty_log (at, author, kind, text, open, ref) VALUES (?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, entry.at());
            insert.setString(2, entry.author());
            insert.setString(3, entry.kind());
            insert.setString(4, entry.text());
            insert.setInt(5, entry.open() ? 1 : 0);
            insert.setString(6, entry.ref());
            long id = 0;
            if (insert.executeUpdate() == 1) {
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            return new DutyLogEntry(id, entry.at(), entry.author(), entry.kind(), entry.text(), entry.open(),
                    entry.ref());
        } catch (SQLException e) {
            throw new StoreException("cannot write the duty log: " + e.getMessage(), e);
        }
    }

    /** The log lines written in {@code [from, to)}, oldest first. */
    public List<DutyLogEntry> log(long from, long to) {
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                "SELECT * FROM duty_log WHERE at >= ? AND at < ? ORDER BY id LIMIT " + MAX_READ)) {
            q.setLong(1, from);
            q.setLong(2, to);
            List<DutyLogEntry> out = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(new DutyLogEntry(r.getLong("id"), r.getLong("at"), r.getString("author"),
                            r.getString("kind"), r.getString("text"), r.getInt("open") == 1, r.getString("ref")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the duty log: " + e.getMessage(), e);
        }
    }

    public void alert(AlertChange change) {
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO alert_log VALUES (?,?,?,?,?,?)")) {
            insert.setLong(1, change.at());
            insert.setString(2, change.change());
            insert.setString(3, change.alert().type());
            insert.setString(4, change.alert().team());
            insert.setString(5, change.alert().seat());
            insert.setString(6, change.alert().text());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record an alert: " + e.getMessage(), e);
        }
    }

    /** The alerts raised and cleared in {@code [from, to)}, oldest first. */
    public List<AlertRecord> alerts(long from, long to) {
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                "SELECT * FROM alert_log WHERE at >= ? AND at < ? ORDER BY rowid LIMIT " + MAX_READ)) {
            q.setLong(1, from);
            q.setLong(2, to);
            List<AlertRecord> out = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(new AlertRecord(r.getLong("at"), r.getString("change"), r.getString("type"),
                            r.getString("team"), r.getString("seat"), r.getString("text")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the alerts: " + e.getMessage(), e);
        }
    }

    /**
     * Keeps a shift's handover; a second one for the same shift is ignored (the first stands). An acknowledgement
     * the primary already shared for it applies at once.
     */
    public void keepHandover(long shiftStart, long shiftEnd, long producedAt, String report) {
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(
                "INSERT OR IGNORE INTO handovers (shift_start, shift_end, produced_at, report) VALUES (?,?,?,?)")) {
            insert.setLong(1, shiftStart);
            insert.setLong(2, shiftEnd);
            insert.setLong(3, producedAt);
            insert.setString(4, report);
            insert.executeUpdate();
            applyAcknowledgement(c, shiftStart);
        } catch (SQLException e) {
            throw new StoreException("cannot keep the handover report: " + e.getMessage(), e);
        }
    }

    public Optional<StoredHandover> handover(long shiftStart) {
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                "SELECT * FROM handovers WHERE shift_start = ?")) {
            q.setLong(1, shiftStart);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long ackAt = r.getLong("acknowledged_at");
                return Optional.of(new StoredHandover(r.getLong("shift_start"), r.getLong("shift_end"),
                        r.getLong("produced_at"), r.getString("report"), r.getString("acknowledged_by"),
                        r.wasNull() ? null : ackAt));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the handover report: " + e.getMessage(), e);
        }
    }

    /** Acknowledges a kept handover; false when it was already acknowledged (or is not kept). */
    public boolean acknowledge(long shiftStart, String user, long at) {
        try (Connection c = connect(); PreparedStatement update = c.prepareStatement(
                "UPDATE handovers SET acknowledged_by = ?, acknowledged_at = ? WHERE shift_start = ? "
                        + "AND acknowledged_by IS NULL")) {
            update.setString(1, user);
            update.setLong(2, at);
            update.setLong(3, shiftStart);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot acknowledge the handover: " + e.getMessage(), e);
        }
    }

    /**
     * The floor's primary acknowledged a shift's handover: kept here too, applied to this gateway's report of that
     * shift now or when it is made. The first acknowledgement stands.
     */
    public void acknowledgedByPrimary(long shiftStart, String user, long at) {
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(
                "INSERT OR IGNORE INTO handover_acks (shift_start, by_user, at) VALUES (?,?,?)")) {
            insert.setLong(1, shiftStart);
            insert.setString(2, user);
            insert.setLong(3, at);
            insert.executeUpdate();
            applyAcknowledgement(c, shiftStart);
        } catch (SQLException e) {
            throw new StoreException("cannot keep the handover's acknowledgement: " + e.getMessage(), e);
        }
    }

    private static void applyAcknowledgement(Connection c, long shiftStart) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE handovers SET acknowledged_by = (SELECT by_user "
                + "FROM handover_acks WHERE shift_start = ?1), acknowledged_at = (SELECT at FROM handover_acks "
                + "WHERE shift_start = ?1) WHERE shift_start = ?1 AND acknowledged_by IS NULL "
                + "AND EXISTS (SELECT 1 FROM handover_acks WHERE shift_start = ?1)")) {
            update.setLong(1, shiftStart);
            update.executeUpdate();
        }
    }

    /** Deletes what is older than {@code cutoffMs} (the events' retention); returns how many rows. */
    public int deleteBefore(long cutoffMs) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM duty_log WHERE at < " + cutoffMs)
                    + s.executeUpdate("DELETE FROM alert_log WHERE at < " + cutoffMs)
                    + s.executeUpdate("DELETE FROM handovers WHERE shift_end < " + cutoffMs)
                    + s.executeUpdate("DELETE FROM handover_acks WHERE at < " + cutoffMs);
        } catch (SQLException e) {
            throw new StoreException("cannot apply retention to the shift records: " + e.getMessage(), e);
        }
    }
}
