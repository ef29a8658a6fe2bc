package dev.seatlink.gateway.ingest;

import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.protocol.RejectReason;
import java.util.HashMap;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Logs refused messages at most once a minute per source (a seat, or a bad topic), saying how many
 * were held back since, so one broken terminal cannot flood the log. Thread-safe.
 */
public final class RejectLog {
    static final long INTERVAL_MS = 60_000;
    static final int MAX_SOURCES = 10_000;

    private static final class Window {
        final long openedAt;
        int heldBack;

        Window(long openedAt) {
            this.openedAt = openedAt;
        }
    }

    private final Map<String, Window> windows = new HashMap<>();
    private final FloorClock clock;

    public RejectLog(FloorClock clock) {
        this.clock = clock;
    }

    /** @return whether this rejection was written to the log */
    public synchronized boolean rejected(String source, RejectReason reason, String detail) {
        long now = clock.millis();
        Window window = windows.get(source);
        if (window != null && now - window.openedAt < INTERVAL_MS) {
            window.heldBack++;
            return false;
        }
        if (windows.size() >= MAX_SOURCES) {
            windows.clear(); // a flood of distinct garbage topics must not grow memory without bound
        }
        windows.put(source, new Window(now));
        int heldBack = window == null ? 0 : window.heldBack;
        Logger.warn("rejected message from {}: {} ({}){}", source, reason.label(), detail,
                heldBack > 0 ? "; " + heldBack + " more from this source in the minute before" : "");
        return true;
    }
}
