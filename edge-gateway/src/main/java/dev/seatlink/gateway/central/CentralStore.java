package dev.seatlink.gateway.central;

import dev.seatlink.gateway.store.StoredEvent;
import dev.seatlink.protocol.SeatEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The centre's PostgreSQL database, as a gateway writes to it: one {@code events} table for every floor,
 * keyed by {@code (site, floor, seat, seq)}, so a copy sent twice (by both gateways of a floor, or again
 * after a crash) is stored once. Not thread-safe: {@link CentralCopy}'s thread only.
 */
public final class CentralStore implements AutoCloseable {
    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS events (
              site TEXT NOT NULL, floor TEXT NOT NULL, seat TEXT NOT NULL, seq BIGINT NOT NULL, agent TEXT,
              from_state TEXT NOT NULL, to_state TEXT NOT NULL, reason TEXT, help BOOLEAN NOT NULL,
              at BIGINT NOT NULL, boot TEXT NOT NULL, cause TEXT NOT NULL, rx BIGINT NOT NULL, gateway TEXT NOT NULL,
              PRIMARY KEY (site, floor, seat, seq));
            CREATE INDEX IF NOT EXISTS events_at ON events (at);
            """;
    private static final String INSERT = "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            + "ON CONFLICT (site, floor, seat, seq) DO NOTHING";

    private final String url;
    private final Properties login = new Properties();
    private Connection connection;

    /** @param url {@code jdbc:postgresql://host:port/database} */
    public CentralStore(String url, String user, String password) {
        this.url = url;
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        // a dead or unreachable server fails a copy within seconds instead of hanging the copier
        login.setProperty("connectTimeout", "5");
        login.setProperty("socketTimeout", "30");
        login.setProperty("ApplicationName", "seatlink-gateway");
    }

    /**
     * Inserts the batch in one transaction (those already there are skipped).
     *
     * @return how many were new to the centre
     * @throws SQLException when nothing of the batch was committed (the connection is dropped: the next try opens one)
     */
    public int insert(String site, String floor, String gateway, List<StoredEvent> batch) throws SQLException {
        try {
            Connection c = connection();
            int added = 0;
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (StoredEvent stored : batch) {
                    SeatEvent e = stored.event();
                    insert.setString(1, site);
                    insert.setString(2, floor);
                    insert.setString(3, e.seat());
                    insert.setLong(4, e.seq());
                    insert.setString(5, e.agent());
                    insert.setString(6, e.from().name());
                    insert.setString(7, e.to().name());
                    insert.setString(8, e.reason());
                    insert.setBoolean(9, e.help());
                    insert.setLong(10, e.at());
                    insert.setString(11, e.boot());
                    insert.setString(12, e.cause().wire());
                    insert.setLong(13, stored.rx());
                    insert.setString(14, gateway);
                    insert.addBatch();
                }
                for (int count : insert.executeBatch()) {
                    added += Math.max(0, count);
                }
            }
            c.commit();
            return added;
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = DriverManager.getConnection(url, login);
            try (Statement s = c.createStatement()) {
                s.execute(SCHEMA);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            c.setAutoCommit(false);
            connection = c;
        }
        return connection;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // being dropped: a new one is opened on the next try
            }
            connection = null;
        }
    }
}
