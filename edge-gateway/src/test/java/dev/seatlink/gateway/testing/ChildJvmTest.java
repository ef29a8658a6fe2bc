package dev.seatlink.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {
    @TempDir
    Path dir;

    /** What a child sees as its temp directory, printed to its log. */
    public static final class PrintsItsTempDir {
        public static void main(String[] args) {
            System.out.println(System.getProperty("java.io.tmpdir"));
        }
    }

    @Test
    void aChildKeepsItsTempFilesBesideItsLogSoTheTestsDirectoryTakesThemAway() throws Exception {
        Path log = dir.resolve("child.log");
        try (ChildJvm child = ChildJvm.start(PrintsItsTempDir.class.getName(), log)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !child.alive());
        }

        assertThat(Files.readString(log).strip()).isEqualTo(dir.resolve("child.log.tmp").toString());
        assertThat(dir.resolve("child.log.tmp")).isDirectory();
    }
}
