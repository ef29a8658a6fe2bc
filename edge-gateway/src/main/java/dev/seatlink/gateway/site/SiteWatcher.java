package dev.seatlink.gateway.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Notices edits of the site-config file and loads them. Compares the file's bytes (it is small), so an
 * editor's save with an unchanged size or time is still seen, and a touch without a change is not.
 * Blocking: call it off the event loop.
 */
public final class SiteWatcher {
    private final Path file;
    private final SiteConfigLoader loader;
    private byte[] seen;

    /** The outcome of an edit: the new config, or why it was refused. */
    public record Edit(SiteConfig site, String problem) {
    }

    public SiteWatcher(Path file, SiteConfigLoader loader) {
        this.file = file;
        this.loader = loader;
        this.seen = read();
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Empty while the file is as last seen; otherwise the edit, loaded and checked. */
    public synchronized Optional<Edit> check() {
        byte[] now = read();
        if (now == null || Arrays.equals(now, seen)) {
            return Optional.empty(); // a file being replaced can be missing for a moment: wait for it
        }
        seen = now;
        try {
            return Optional.of(new Edit(loader.parse(new java.io.ByteArrayInputStream(now), file.toString()), null));
        } catch (SiteConfigException e) {
            return Optional.of(new Edit(null, e.getMessage()));
        }
    }
}
