package dev.seatlink.gateway.acd;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.tinylog.Logger;

/**
 * The calls in progress as {@code ami-calls.json} in the gateway's data directory: written whole to a temporary file
 * and moved over the old one, so a reader finds the old list or the new one. Not forced to disk: after a power cut the
 * last second's answers may be missing, and those calls' seats are ended by hand as before.
 */
public final class CallsInProgressFile implements CallsInProgress {
    static final String NAME = "ami-calls.json";
    /** Far more than a floor's calls take (about 100 bytes each): a larger file is not ours, and is not read. */
    static final long MAX_BYTES = 4 * 1024 * 1024;
    private static final TypeReference<Map<String, CallInProgress>> TYPE = new TypeReference<>() {
    };

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private boolean failing;

    public CallsInProgressFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    @Override
    public Map<String, CallInProgress> load() {
        try {
            if (Files.size(file) > MAX_BYTES) {
                Logger.warn("{} is larger than {} bytes: not read", file, MAX_BYTES);
                return new HashMap<>();
            }
            Map<String, CallInProgress> calls = json.readValue(file.toFile(), TYPE);
            calls.values().removeIf(call -> call == null || call.callId() == null);
            return calls;
        } catch (NoSuchFileException | FileNotFoundException none) {
            return new HashMap<>();
        } catch (IOException | RuntimeException e) {
            Logger.warn("cannot read the calls in progress from {}: {}; a call that ended while the gateway was down "
                    + "is ended at its seat by hand", file, e.getMessage());
            return new HashMap<>();
        }
    }

    @Override
    public void save(Map<String, CallInProgress> calls) {
        Path next = file.resolveSibling(NAME + ".tmp");
        try {
            json.writeValue(next.toFile(), calls);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (failing) {
                failing = false;
                Logger.info("the calls in progress are kept in {} again", file);
            }
        } catch (IOException | RuntimeException e) {
            if (!failing) { // once per failing stretch: a full disk would say it on every call
                failing = true;
                Logger.warn("cannot keep the calls in progress in {}: {}; after a restart a call that ended meanwhile "
                        + "is ended at its seat by hand", file, e.getMessage());
            }
        }
    }
}
