package dev.seatlink.gateway.agents;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.store.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tinylog.Logger;

/**
 * The directory on disk: {@code agents.json} in the gateway's data directory, written whole to a temporary file and
 * moved into place, so a crash leaves the old or the new one, never half of either. Read at start; an agent the
 * site config no longer allows (its team gone) is kept but logged.
 */
public final class AgentFile {
    static final String FILE = "agents.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public AgentFile(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** The directory as last saved; empty when none was. */
    public AgentDirectory load(SiteConfig site) {
        if (!Files.isRegularFile(file)) {
            return AgentDirectory.EMPTY;
        }
        try {
            List<Agent> agents = JSON.readValue(file.toFile(), new TypeReference<List<Agent>>() { });
            agents.stream().filter(a -> !AgentRules.problems(a, site).isEmpty()).forEach(a -> Logger.warn(
                    "agent {} in {}: {}", a.id(), file, String.join("; ", AgentRules.problems(a, site))));
            return new AgentDirectory(agents);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the agent directory " + file + ": "
                    + e.getMessage(), e));
        }
    }

    /** Writes the whole directory (a worker's thread: it touches the disk). */
    public void save(AgentDirectory directory) throws IOException {
        JsonFiles.write(file, directory.all());
    }
}
