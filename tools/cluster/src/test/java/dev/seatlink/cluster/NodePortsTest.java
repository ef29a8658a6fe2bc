package dev.seatlink.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePortsTest {
    @TempDir
    Path dir;

    /** `cluster up --data-dir` naming a file (or /proc, a full disk): a line saying what to do, not a stack trace. */
    @Test
    void aDataDirThatCannotBeWrittenIsACleanError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "");

        assertThatThrownBy(() -> NodePorts.forCluster(file, 3)).isInstanceOf(ClusterException.class)
                .hasMessageStartingWith("cannot write " + file.resolve(NodePorts.FILE))
                .hasMessageEndingWith("--data-dir must be a folder this user may write");
    }
}
