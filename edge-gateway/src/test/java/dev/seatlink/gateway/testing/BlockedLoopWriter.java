package dev.seatlink.gateway.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.tinylog.core.LogEntry;
import org.tinylog.core.LogEntryValue;
import org.tinylog.writers.Writer;

/**
 * A tinylog writer for tests that keeps Vert.x's blocked-thread warnings ("Thread … has been blocked for
 * N ms") as {@link BlockedLoop}s, so {@link NoBlockedEventLoop} can fail the test in which an event loop was held
 * too long.
 */
public final class BlockedLoopWriter implements Writer {
    private static final List<BlockedLoop> WARNINGS = new ArrayList<>();

    public BlockedLoopWriter(Map<String, String> properties) {
        // nothing to configure
    }

    /** The warnings kept so far. */
    public static synchronized List<BlockedLoop> peek() {
        return List.copyOf(WARNINGS);
    }

    /** The warnings since the last call, and forgets them. */
    public static synchronized List<BlockedLoop> drain() {
        List<BlockedLoop> taken = List.copyOf(WARNINGS);
        WARNINGS.clear();
        return taken;
    }

    @Override
    public Collection<LogEntryValue> getRequiredLogEntryValues() {
        return EnumSet.of(LogEntryValue.MESSAGE, LogEntryValue.EXCEPTION);
    }

    @Override
    public void write(LogEntry entry) {
        BlockedLoop.of(entry.getMessage(), entry.getException()).ifPresent(warning -> {
            synchronized (BlockedLoopWriter.class) {
                WARNINGS.add(warning);
            }
        });
    }

    @Override
    public void flush() {
        // kept in memory
    }

    @Override
    public void close() {
        // kept in memory
    }
}
