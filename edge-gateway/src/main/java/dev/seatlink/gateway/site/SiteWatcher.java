package dev.seatlink.gateway.site;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Notices edits of the site-config file and loads them. Compares the file's bytes (at most 4 MB), so an
 * editor's save with an unchanged size or time is still seen, and a touch without a change is not. Only a
 * regular file of bounded size is ever read ({@link SiteConfigLoader#read}); anything else is refused as an
 * edit and the running config stays.
 * Blocking: call it off the event loop.
 */
public final class SiteWatcher {
    private final Path file;
    private final SiteConfigLoader loader;
    private byte[] seen;
    private String refused;

    /** The outcome of an edit: the new config, or why it was refused. */
    public record Edit(SiteConfig site, String problem) {
    }

    public SiteWatcher(Path file, SiteConfigLoader loader) {
        this.file = file;
        this.loader = loader;
        this.seen = SiteConfigLoader.read(file);
    }

    /** Empty while the file is as last seen; otherwise the edit, loaded and checked. */
    public synchronized Optional<Edit> check() {
        byte[] now;
        try {
            now = SiteConfigLoader.read(file);
        } catch (SiteConfigException e) {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty(); // a file being replaced can be missing for a moment: wait for it
            }
            // a pipe, a device or a huge file put in its place: refused once, until it changes
            if (e.getMessage().equals(refused)) {
                return Optional.empty();
            }
            refused = e.getMessage();
            seen = null;
            return Optional.of(new Edit(null, e.getMessage()));
        }
        refused = null;
        if (Arrays.equals(now, seen)) {
            return Optional.empty();
        }
        seen = now;
        try {
            return Optional.of(new Edit(loader.parse(new java.io.ByteArrayInputStream(now), file.toString()), null));
        } catch (SiteConfigException e) {
            return Optional.of(new Edit(null, e.getMessage()));
        }
    }
}
