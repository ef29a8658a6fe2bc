package dev.seatlink.terminal.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Who badged in at this seat and is signed in still, in {@code badge-agent}: after a restart they stay signed in when
 * the seat's config names another agent (its own, for a button sign-in). Written to a temporary file and renamed;
 * a write that fails is logged, and costs only that a restart would treat them as the seat's own agent.
 */
public final class BadgeFile {
    static final String NAME = "badge-agent";

    private final Path file;
    private String kept;

    public BadgeFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
        this.kept = load().orElse(null);
    }

    public Optional<String> load() {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    .filter(s -> !s.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            Logger.warn("cannot read {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps the agent signed in by badge now (null: none); writes only a change. */
    public void keep(String agent) {
        if (java.util.Objects.equals(agent, kept)) {
            return;
        }
        try {
            if (agent == null) {
                Files.deleteIfExists(file);
            } else {
                Path temp = file.resolveSibling(NAME + ".tmp");
                Files.writeString(temp, agent, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            kept = agent;
        } catch (IOException e) {
            Logger.warn("cannot keep the badge sign-in in {}: {}", file, e.getMessage());
        }
    }
}
