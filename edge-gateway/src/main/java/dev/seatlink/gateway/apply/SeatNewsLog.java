package dev.seatlink.gateway.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to seats since the last tick, as log lines: one per kind of news, not one per seat — a gateway
 * starting on a running floor asked each of its seats for a rebirth in a line of its own, and after a node's death
 * each seat answering the roll call said so in one: hundreds of lines a time on a floor of 200. Bounded by the kinds
 * of news, whatever the number of seats.
 */
final class SeatNewsLog {
    /** How a piece of news reads about one seat and about several (the count and the first seat). */
    record Wording(String one, String many) {
        static Wording rebirth(String why) {
            return new Wording("asking seat %s to republish its status and state (rebirth): " + why,
                    "asking %d seats to republish their status and state (rebirth), the first %s: " + why);
        }

        static final Wording CAME_BACK = new Wording(
                "seat %s answered the roll call after it was shown offline: online again",
                "%d seats answered the roll call after they were shown offline, the first %s: online again");
    }

    private record Noted(String first, int count) {
    }

    private final Map<Wording, Noted> byWording = new LinkedHashMap<>();

    void note(Wording wording, String seat) {
        byWording.merge(wording, new Noted(seat, 1), (held, next) -> new Noted(held.first(), held.count() + 1));
    }

    /** The lines to log for what was noted since the last call, and nothing more until the next note. */
    List<String> lines() {
        List<String> lines = new ArrayList<>(byWording.size());
        byWording.forEach((wording, noted) -> lines.add(noted.count() == 1
                ? String.format(wording.one(), noted.first())
                : String.format(wording.many(), noted.count(), noted.first())));
        byWording.clear();
        return lines;
    }
}
