package dev.seatlink.gateway.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;

/**
 * Keeps a query to some seats (a team leader's) in SQL, so rows of other seats are never read: the seats go
 * in as one parameter, a JSON array that SQLite's {@code json_each} unpacks; null means every seat.
 */
public final class SeatFilter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeatFilter() {
    }

    /** The condition on the {@code seat} column, with the seats as numbered parameter {@code n}. */
    public static String sql(int n) {
        return "(?" + n + " IS NULL OR seat IN (SELECT value FROM json_each(?" + n + ")))";
    }

    /** The parameter's value for {@code seats}; null (every seat) for null. */
    public static String parameter(Collection<String> seats) {
        if (seats == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(seats);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("seat ids cannot be written as JSON", e);
        }
    }
}
