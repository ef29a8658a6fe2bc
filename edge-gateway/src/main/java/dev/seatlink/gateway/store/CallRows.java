package dev.seatlink.gateway.store;

import dev.seatlink.gateway.calls.CallFigures;
import dev.seatlink.gateway.calls.CallRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code calls} table: one row per finished call (handled with its wrap-up, or missed), for the reports' call
 * figures. Written in the event writer's transactions; read summed per agent or team in SQL, so a report's memory
 * grows with its agents, not its calls.
 */
final class CallRows {
    static final String INSERT = "INSERT INTO calls VALUES (?,?,?,?,?,?,?,?,?,?)";

    private CallRows() {
    }

    static void create(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE IF NOT EXISTS calls (
                  seat TEXT NOT NULL, agent TEXT, team TEXT NOT NULL, call_id TEXT NOT NULL, at INTEGER NOT NULL,
                  talk_ms INTEGER NOT NULL, hold_ms INTEGER NOT NULL, wait_ms INTEGER, wrap_ms INTEGER NOT NULL,
                  missed INTEGER NOT NULL)""");
        s.execute("CREATE INDEX IF NOT EXISTS calls_at ON calls(at)");
    }

    static void insert(PreparedStatement insert, CallRecord call) throws SQLException {
        insert.setString(1, call.seat());
        insert.setString(2, call.agent());
        insert.setString(3, call.team());
        insert.setString(4, call.callId());
        insert.setLong(5, call.at());
        insert.setLong(6, call.talkMs());
        insert.setLong(7, call.holdMs());
        if (call.waitMs() == null) {
            insert.setNull(8, Types.INTEGER);
        } else {
            insert.setLong(8, call.waitMs());
        }
        insert.setLong(9, call.wrapUpMs());
        insert.setInt(10, call.missed() ? 1 : 0);
        insert.executeUpdate();
    }

    /**
     * The calls of {@code seats} (null: all) that ended in {@code from <= at < to}, summed per agent (the seat for
     * calls without one) or per team.
     */
    static Map<String, CallFigures> sums(Connection c, long from, long to, Collection<String> seats, boolean byTeam)
            throws SQLException {
        String key = byTeam ? "team" : "COALESCE(agent, seat)";
        try (PreparedStatement q = c.prepareStatement("SELECT " + key + ", SUM(1 - missed), SUM(talk_ms), SUM(wrap_ms),"
                + " SUM(COALESCE(wait_ms, 0)), COUNT(wait_ms), SUM(missed), SUM(hold_ms) FROM calls"
                + " WHERE at >= ? AND at < ? AND " + SeatFilter.sql(3) + " GROUP BY 1")) {
            q.setLong(1, from);
            q.setLong(2, to);
            q.setString(3, SeatFilter.parameter(seats));
            Map<String, CallFigures> sums = new TreeMap<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    sums.put(r.getString(1), new CallFigures(r.getInt(2), r.getLong(3), r.getLong(4), r.getLong(5),
                            r.getInt(6), r.getInt(7), r.getLong(8)));
                }
            }
            return sums;
        }
    }

    static int deleteBefore(Connection c, long cutoffMs) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM calls WHERE at < ?")) {
            d.setLong(1, cutoffMs);
            return d.executeUpdate();
        }
    }
}
