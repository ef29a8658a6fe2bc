package dev.seatlink.link;

import dev.seatlink.protocol.Ids;
import dev.seatlink.protocol.ProtocolViolation;
import dev.seatlink.protocol.RejectReason;
import dev.seatlink.protocol.Topic;
import java.util.HashMap;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Logs refused messages at most once a minute per source (a seat, or a bad topic), saying how many
 * were held back since, so one broken or hostile terminal cannot flood the log of what reads the floor (a gateway,
 * a centre view). Thread-safe.
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
    private final Clock clock;

    /** The wall clock the minutes are counted by, in epoch milliseconds (tests pass their own). */
    @FunctionalInterface
    public interface Clock {
        long millis();
    }

    public RejectLog(Clock clock) {
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

    /** The seat a topic names, or the (printable) topic itself when it names none. */
    public static String sourceOf(String topic) {
        try {
            Topic parsed = Topic.parse(topic);
            return parsed.seat() == null ? parsed.toString() : "seat " + parsed.seat();
        } catch (ProtocolViolation e) {
            return "topic " + Ids.printable(topic, 80);
        }
    }
}
