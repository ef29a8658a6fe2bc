package dev.seatlink.gateway.moves;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.gateway.store.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The moves in force on disk: {@code moves.json} in the gateway's data directory, so a restart mid-shift keeps
 * them (a shift's move that ended meanwhile is dropped when loaded). Blocking: a worker's thread.
 */
public final class MoveFile {
    static final String FILE = "moves.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public MoveFile(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public List<Move> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<Move>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the moves in force " + file + ": "
                    + e.getMessage(), e));
        }
    }

    public void save(List<Move> moves) throws IOException {
        JsonFiles.write(file, moves);
    }
}
