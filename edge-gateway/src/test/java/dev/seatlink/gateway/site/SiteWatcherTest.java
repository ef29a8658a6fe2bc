package dev.seatlink.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A technician (or an intruder) puts something other than a site config where the gateway watches. */
class SiteWatcherTest {
    private static final String SITE = """
            {"site":"hq","floor":"f1","teams":[{"id":"t1","name":"T1"}],
             "seats":[{"seat":"s-1","team":"t1","x":0,"y":0}]}""";

    @TempDir
    Path dir;

    private Path file;
    private SiteWatcher watcher;

    @BeforeEach
    void watch() throws Exception {
        file = dir.resolve("floor.json");
        Files.writeString(file, SITE);
        watcher = new SiteWatcher(file, new SiteConfigLoader());
    }

    private Optional<SiteWatcher.Edit> check() {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), watcher::check, "the check must never block");
    }

    private void replaceWith(Path other) throws Exception {
        Files.delete(file);
        Files.move(other, file);
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsReadAndOnlyOnce() throws Exception {
        Path huge = dir.resolve("huge");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(300L * 1024 * 1024);
        }
        replaceWith(huge);

        assertThat(check()).get().satisfies(edit -> {
            assertThat(edit.site()).isNull();
            assertThat(edit.problem()).contains("larger than 4 MB").contains("314572800 bytes");
        });
        assertThat(check()).isEmpty();
    }

    @Test
    void aSymlinkToADeviceIsRefused() throws Exception {
        Files.delete(file);
        Files.createSymbolicLink(file, Path.of("/dev/zero"));

        assertThat(check()).get().extracting(SiteWatcher.Edit::problem).asString().contains("not a regular file");
    }

    @Test
    void aPipeIsRefusedWithoutBlockingAndAFixedFileAppliesAgain() throws Exception {
        Files.delete(file);
        Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThat(check()).get().extracting(SiteWatcher.Edit::problem).asString().contains("not a regular file");

        Files.delete(file);
        Files.writeString(file, SITE.replace("\"T1\"", "\"Team One\""));
        assertThat(check()).get().satisfies(edit -> assertThat(edit.site().teams().get(0).name()).isEqualTo("Team One"));
    }
}
