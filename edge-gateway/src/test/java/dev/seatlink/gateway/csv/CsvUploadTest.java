package dev.seatlink.gateway.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatlink.gateway.testing.FreePorts;
import dev.seatlink.terminal.testing.StandInServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The technicians' CSV imports against a stand-in gateway. */
class CsvUploadTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aGatewayThatStopsMidAnswerFailsTheImportOnceTheBoundIsUpInsteadOfHoldingItForEver() throws Exception {
        try (StandInServer gateway = StandInServer.stallingAfter("{\"agents\":")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            assertThat(upload(agents(), gateway.url(), err)).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("FAIL: cannot send " + agents() + " to "
                    + gateway.url() + "/api/agents/import: no whole answer from /api/agents/import within 300 ms"
                    + System.lineSeparator());
        }
    }

    /** What the JDK says of these is "null" and a bare path: the command says it in words. */
    @Test
    void aGatewayNobodyRunsAndAMissingFileAreSaidInWords() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String nobody = "http://127.0.0.1:" + FreePorts.next();

        assertThat(upload(agents(), nobody, err)).isEqualTo(1);
        assertThat(upload(dir.resolve("none.csv"), nobody, err)).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "FAIL: cannot send " + agents() + " to " + nobody + "/api/agents/import: nothing answers there"
                        + " (connection refused: is it running, and is the address right?)",
                "FAIL: cannot read " + dir.resolve("none.csv") + ": no such file");
    }

    @Test
    void anAddressThatIsNoGatewaysIsRefusedSayingWhatOneLooksLike() {
        assertThatThrownBy(() -> upload(agents(), "gateway-f1", new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--gateway must be a gateway's address such as http://10.0.3.2:8080 (was 'gateway-f1')");
    }

    private Path agents() throws Exception {
        return Files.writeString(dir.resolve("agents.csv"), "agent,name\na-001,Ann\n");
    }

    /** The import, what it writes to standard error into {@code err}; its exit code. */
    private int upload(Path csv, String gateway, ByteArrayOutputStream err) throws Exception {
        Path login = Files.writeString(dir.resolve("manager.credentials"), "username=manager\npassword=secret\n");
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return CsvUpload.upload(csv, 1_000_000, gateway, "/api/agents/import", login, "agents",
                    Duration.ofMillis(300));
        } finally {
            System.setErr(stderr);
        }
    }
}
