package dev.seatlink.bench;

import dev.seatlink.simulator.LoggedSeatTrace;
import java.nio.file.Path;
import org.tinylog.configuration.Configuration;

/**
 * Sends the seats' trace ({@link LoggedSeatTrace}'s tag) to a file of the run, through tinylog's writing thread.
 * tinylog takes no new writer once anything has logged, so this is set before the bench starts.
 */
final class SeatTraceFile {
    private SeatTraceFile() {
    }

    static void writeTo(Path file) {
        if (Configuration.isFrozen()) {
            throw new IllegalStateException("the seat trace must be set up before anything logs");
        }
        String writer = "writerSeats";
        Configuration.set(writer, "file");
        Configuration.set(writer + ".tag", LoggedSeatTrace.TAG);
        Configuration.set(writer + ".level", "info");
        Configuration.set(writer + ".file", file.toString());
        Configuration.set(writer + ".format", "{date:HH:mm:ss.SSS} {message}");
        Configuration.set(writer + ".buffered", "true");
        Configuration.set("writingthread", "true");
    }
}
