package dev.seatlink.gateway.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The single rebirths asked since the last tick, as log lines: one per reason, not one per seat — a gateway starting
 * on a running floor asked each of its seats in a line of its own ("sent data while not shown online"), hundreds of
 * lines a start on a floor of 200. Bounded by the reasons, whatever the number of seats.
 */
final class RebirthLog {
    private record Asked(String first, int count) {
    }

    private final Map<String, Asked> byReason = new LinkedHashMap<>();

    void asked(String seat, String why) {
        byReason.merge(why, new Asked(seat, 1), (held, next) -> new Asked(held.first(), held.count() + 1));
    }

    /** The lines to log for what was asked since the last call, and nothing more until the next ask. */
    List<String> lines() {
        List<String> lines = new ArrayList<>(byReason.size());
        byReason.forEach((why, asked) -> lines.add(asked.count() == 1
                ? "asking seat " + asked.first() + " to republish its status and state (rebirth): " + why
                : "asking " + asked.count() + " seats to republish their status and state (rebirth), the first "
                        + asked.first() + ": " + why));
        byReason.clear();
        return lines;
    }
}
