package dev.seatlink.gateway.roster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.gateway.store.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The roster on disk: {@code roster.json} in the gateway's data directory, replaced whole by each import. */
public final class RosterFile {
    static final String FILE = "roster.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public RosterFile(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Roster load() {
        if (!Files.isRegularFile(file)) {
            return Roster.EMPTY;
        }
        try {
            return new Roster(JSON.readValue(file.toFile(), new TypeReference<List<Schedule>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the roster " + file + ": " + e.getMessage(),
                    e));
        }
    }

    /** Blocking: a worker's thread. */
    public void save(Roster roster) throws IOException {
        JsonFiles.write(file, roster.all());
    }
}
