package dev.seatlink.centre.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Time in state across floors, computed in PostgreSQL from the copied events: each event's state lasts until
 * the seat's next event (or the period's end, or now), clipped to the period. Per floor and state, not per
 * agent: the centre view is open to the duty manager's screens, and an agent's own figures stay behind the
 * floor gateway's sign-in. A connection per report (reports are rare, a pool would be idle); called on a
 * worker, never on the event loop.
 */
public final class CentreReports {
    /** Rows a report returns at most: states × floors of a large centre, with room to spare. */
    public static final int MAX_ROWS = 10_000;
    /** How far before a period a seat's last event is looked for (what it was doing when the period began). */
    static final long LOOKBACK_MS = 7L * 86_400_000L;
    private static final String QUERY = """
            WITH ev AS (
              SELECT site, floor, seat, agent, to_state, at,
                     LEAD(at) OVER (PARTITION BY site, floor, seat ORDER BY seq) AS next_at
              FROM events WHERE at < ? AND at >= ?)
            SELECT site, floor, to_state,
                   SUM(LEAST(COALESCE(next_at, ?), ?) - GREATEST(at, ?)) AS ms,
                   COUNT(*) FILTER (WHERE at >= ?) AS entries
            FROM ev
            WHERE COALESCE(next_at, ?) > ? AND at < ?
            GROUP BY site, floor, to_state
            ORDER BY site, floor, to_state
            LIMIT ?""";

    private final String url;
    private final Properties login = new Properties();

    public CentreReports(String url, String user, String password) {
        this.url = url;
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        login.setProperty("connectTimeout", "5");
        login.setProperty("socketTimeout", "60");
        login.setProperty("ApplicationName", "seatlink-centre");
        login.setProperty("readOnly", "true");
    }

    /** Per floor and state, the seats' time in {@code [from, to)}; a state still held counts until {@code now}. */
    public List<StateTime> timeInState(long from, long to, long now) throws SQLException {
        long end = Math.min(to, now);
        try (Connection c = DriverManager.getConnection(url, login); PreparedStatement q = c.prepareStatement(QUERY)) {
            q.setLong(1, end);
            q.setLong(2, from - LOOKBACK_MS);
            q.setLong(3, end);
            q.setLong(4, end);
            q.setLong(5, from);
            q.setLong(6, from);
            q.setLong(7, end);
            q.setLong(8, from);
            q.setLong(9, end);
            q.setInt(10, MAX_ROWS);
            List<StateTime> rows = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(new StateTime(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5)));
                }
            }
            return rows;
        }
    }
}
