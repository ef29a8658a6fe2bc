package dev.seatlink.gateway.store;

import dev.seatlink.gateway.calls.CallFigures;
import dev.seatlink.gateway.calls.CallRecord;
import dev.seatlink.protocol.SeatEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every accepted event, exactly once, in SQLite ({@code events.db} in the data directory).
 *
 * <p>Schema: {@code events(seat, seq, agent, from_state, to_state, reason, help, at, boot, cause, rx)}
 * with primary key {@code (seat, seq)}, so a duplicate is ignored by the database itself. WAL mode
 * with {@code synchronous=FULL}: a committed batch survives a crash and a power cut. Writes come
 * only from the {@link StoreWriter} thread; reads open their own connection (WAL lets readers run
 * beside the writer). Retention: {@link #deleteBefore} removes events older than a cut-off.
 */
public final class EventStore implements AutoCloseable {
    /** How far before a period {@link #window} looks for what a seat was doing when it began. */
    static final long LOOKBACK_DAYS = 7;
    static final String FILE = "events.db";
    /** Rows a gateway before the seq bound may have stored from a forged event: never restored nor reported. */
    private static final String POSSIBLE_SEQ = "seq <= " + dev.seatlink.protocol.SeatEvent.MAX_SEQ;
    /**
     * A period covering at least this share of the store's time span is read in key order, each row checked against
     * the period; a shorter one through the {@code events_at} index, its rows then sorted by seat and seq. Measured
     * on 2M events of 24 seats (sqlite3 3.40 here), index and sort / key order: the whole span 4.7 / 0.9 s, a quarter
     * 1.2 / 0.4 s, a tenth 0.44 / 0.31 s, a fiftieth 0.11 / 0.26 s. (Reading 2M rows' columns through the JDBC
     * driver then adds about 3.5 s.)
     */
    static final double SCAN_SHARE = 0.05;

    private final Path file;
    /** Whether each new event is also queued for the centre-wide store ({@link CentralOutbox}). */
    private final boolean outbox;
    private Connection writer;
    private PreparedStatement insert;
    private PreparedStatement insertCall;
    private PreparedStatement queue;

    private EventStore(Path file, boolean outbox) throws SQLException {
        this.file = file;
        this.outbox = outbox;
        openWriter();
    }

    private void openWriter() throws SQLException {
        writer = connect();
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS events (
                      seat TEXT NOT NULL, seq INTEGER NOT NULL, agent TEXT,
                      from_state TEXT NOT NULL, to_state TEXT NOT NULL, reason TEXT, help INTEGER NOT NULL,
                      at INTEGER NOT NULL, boot TEXT NOT NULL, cause TEXT NOT NULL, rx INTEGER NOT NULL,
                      PRIMARY KEY (seat, seq)) WITHOUT ROWID""");
            s.execute("CREATE INDEX IF NOT EXISTS events_at ON events(at)");
            CallRows.create(s);
            if (outbox) {
                CentralOutbox.create(s);
            }
        }
        writer.setAutoCommit(false);
        insert = writer.prepareStatement("INSERT OR IGNORE INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        insertCall = writer.prepareStatement(CallRows.INSERT);
        queue = outbox ? writer.prepareStatement(CentralOutbox.QUEUE) : null;
    }

    /**
     * Drops and reopens the write connection (writer thread only): after a failed write (disk full, I/O
     * error) SQLite can leave the connection unusable even once the cause is gone.
     */
    void reopenWriter() throws SQLException {
        try {
            insert.close();
            insertCall.close();
            if (queue != null) {
                queue.close();
            }
            writer.close();
        } catch (SQLException e) {
            // the old connection is being discarded either way
        }
        openWriter();
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir}.
     *
     * @throws UncheckedIOException naming the file when it cannot be opened
     */
    public static EventStore open(Path dataDir) {
        return open(dataDir, false);
    }

    /**
     * The same, queueing every new event for the centre-wide store when {@code outbox} (the first time, every
     * event already stored is queued too).
     */
    public static EventStore open(Path dataDir, boolean outbox) {
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            return new EventStore(file, outbox);
        } catch (IOException | SQLException e) {
            throw new UncheckedIOException("cannot open the event store " + file + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e instanceof IOException io ? io : new IOException(e));
        }
    }

    private Connection connect() throws SQLException {
        return connect(file);
    }

    /**
     * How many events the store in {@code dataDir} holds, read beside a running gateway (SQLite lets a reader
     * in); 0 before the store exists. For tests and benches that wait for a gateway to have stored everything.
     */
    public static long count(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        try (Connection c = connect(file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM events")) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot count the events in " + file + ": " + e.getMessage(), e);
        }
    }

    /** A connection to the gateway's SQLite file that waits for the writer instead of failing as busy. */
    public static Connection connect(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
        }
        return connection;
    }

    /**
     * A connection whose every commit is on disk before it returns (synchronous=FULL): for the few rows written one
     * at a time beside the events — audit lines, the duty log, alerts, handovers.
     */
    public static Connection connectDurable(Path file) throws SQLException {
        Connection connection = connect(file);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA synchronous=FULL");
        }
        return connection;
    }

    /**
     * Inserts a batch in one transaction (writer thread only).
     *
     * @return for each event, whether it was new (false: already stored)
     * @throws SQLException when the batch could not be committed; nothing of it is stored then
     */
    boolean[] insert(List<StoredEvent> batch) throws SQLException {
        return insert(batch, List.of());
    }

    /** The same, with finished calls in the same transaction. */
    boolean[] insert(List<StoredEvent> batch, List<CallRecord> calls) throws SQLException {
        boolean[] added = new boolean[batch.size()];
        try {
            for (CallRecord call : calls) {
                CallRows.insert(insertCall, call);
            }
            for (int i = 0; i < batch.size(); i++) {
                SeatEvent e = batch.get(i).event();
                insert.setString(1, e.seat());
                insert.setLong(2, e.seq());
                insert.setString(3, e.agent());
                insert.setString(4, e.from().name());
                insert.setString(5, e.to().name());
                insert.setString(6, e.reason());
                insert.setInt(7, e.help() ? 1 : 0);
                insert.setLong(8, e.at());
                insert.setString(9, e.boot());
                insert.setString(10, e.cause().wire());
                insert.setLong(11, batch.get(i).rx());
                added[i] = insert.executeUpdate() == 1;
                if (added[i] && queue != null) {
                    queue.setString(1, e.seat());
                    queue.setLong(2, e.seq());
                    queue.executeUpdate(); // in the same transaction: stored means queued
                }
            }
            writer.commit();
            return added;
        } catch (SQLException e) {
            try {
                writer.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    /** A seat's stored events with seq > {@code after}, in seq order, at most {@code limit}. */
    public List<StoredEvent> events(String seat, long after, int limit) {
        try (Connection c = connect();
             PreparedStatement q = c.prepareStatement(
                     "SELECT * FROM events WHERE seat = ? AND seq > ? AND " + POSSIBLE_SEQ
                             + " ORDER BY seq LIMIT ?")) {
            q.setString(1, seat);
            q.setLong(2, after);
            q.setInt(3, limit);
            return EventRows.read(q);
        } catch (SQLException e) {
            throw new StoreException("cannot read events of " + seat + ": " + e.getMessage(), e);
        }
    }

    /** The newest stored event of every seat: what the floor is rebuilt from after a restart. */
    public Map<String, StoredEvent> lastPerSeat() {
        try (Connection c = connect();
             PreparedStatement q = c.prepareStatement("SELECT e.* FROM events e JOIN (SELECT seat, MAX(seq) AS seq "
                     + "FROM events WHERE " + POSSIBLE_SEQ + " GROUP BY seat) m ON e.seat = m.seat AND e.seq = m.seq")) {
            Map<String, StoredEvent> last = new LinkedHashMap<>();
            EventRows.read(q).forEach(stored -> last.put(stored.event().seat(), stored));
            return last;
        } catch (SQLException e) {
            throw new StoreException("cannot read the last events: " + e.getMessage(), e);
        }
    }

    /** Takes a period's events one at a time, each seat's in seq order. */
    @FunctionalInterface
    public interface EventSink {
        void accept(SeatEvent event);
    }

    /**
     * The events of a period for time-in-state figures: those with {@code from <= at < to}, and before them
     * each seat's last event in the {@value #LOOKBACK_DAYS} days before {@code from} (what the seat was doing
     * when the period began); per seat in seq order.
     */
    public List<SeatEvent> window(long from, long to) {
        List<SeatEvent> events = new ArrayList<>();
        window(from, to, null, events::add);
        return events;
    }

    /**
     * The same as {@link #window(long, long)}, streamed from a cursor so that memory does not grow with the
     * period, and only for {@code seats} (null: every seat) so that what a reader may not see is never read.
     * Each seat's events come in seq order; seats may interleave.
     */
    public void window(long from, long to, Collection<String> seats, EventSink sink) {
        String only = SeatFilter.parameter(seats);
        try (Connection c = connect();
             PreparedStatement before = c.prepareStatement("SELECT e.* FROM events e JOIN (SELECT seat, MAX(seq) AS seq "
                     + "FROM events WHERE at >= ? AND at < ? AND " + POSSIBLE_SEQ + " AND " + SeatFilter.sql(3)
                     + " GROUP BY seat) m ON e.seat = m.seat AND e.seq = m.seq");
             PreparedStatement during = c.prepareStatement("SELECT * FROM events WHERE " + (coversMuchOf(c, from, to)
                     ? "+at >= ? AND +at < ?" : "at >= ? AND at < ?") // "+at": not through events_at, so no sort
                     + " AND " + POSSIBLE_SEQ + " AND " + SeatFilter.sql(3) + " ORDER BY seat, seq")) {
            before.setLong(1, from - LOOKBACK_DAYS * 86_400_000L);
            before.setLong(2, from);
            before.setString(3, only);
            during.setLong(1, from);
            during.setLong(2, to);
            during.setString(3, only);
            // Each seat's last event before the period is older than all of its events in the period.
            EventRows.stream(before, sink);
            EventRows.stream(during, sink);
        } catch (SQLException e) {
            throw new StoreException("cannot read the events of a period: " + e.getMessage(), e);
        }
    }

    /** Whether the period {@code [from, to)} covers at least {@link #SCAN_SHARE} of the stored events' time span. */
    private static boolean coversMuchOf(Connection c, long from, long to) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet span = s.executeQuery("SELECT (SELECT MIN(at) FROM events), (SELECT MAX(at) FROM events)")) {
            long first = span.getLong(1);
            long last = span.getLong(2);
            if (span.wasNull()) {
                return false; // no events
            }
            double covered = (double) Math.min(to, last + 1) - Math.max(from, first);
            return covered >= SCAN_SHARE * ((double) last + 1 - first);
        }
    }

    /**
     * The calls of {@code seats} (null: all) that ended in the period, summed per agent or, with {@code byTeam}, per
     * team (see {@link CallRows}).
     */
    public Map<String, CallFigures> callFigures(long from, long to, Collection<String> seats, boolean byTeam) {
        try (Connection c = connect()) {
            return CallRows.sums(c, from, to, seats, byTeam);
        } catch (SQLException e) {
            throw new StoreException("cannot read the calls of a period: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes events and calls whose time is before {@code cutoffMs} (and the events' places in the outbox);
     * returns how many events.
     */
    public int deleteBefore(long cutoffMs) {
        try (Connection c = connect(); PreparedStatement d = c.prepareStatement("DELETE FROM events WHERE at < ?")) {
            d.setLong(1, cutoffMs);
            int deleted = d.executeUpdate();
            CallRows.deleteBefore(c, cutoffMs);
            if (outbox && deleted > 0) {
                CentralOutbox.dropOrphans(c);
            }
            return deleted;
        } catch (SQLException e) {
            throw new StoreException("cannot apply retention: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            insert.close();
            insertCall.close();
            if (queue != null) {
                queue.close();
            }
            writer.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
