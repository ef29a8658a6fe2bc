package dev.seatlink.gateway.csv;

import static org.assertj.core.api.Assertions.assertThat;

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
        Path csv = Files.writeString(dir.resolve("agents.csv"), "agent,name\na-001,Ann\n");
        Path login = Files.writeString(dir.resolve("manager.credentials"), "username=manager\npassword=secret\n");
        try (StandInServer gateway = StandInServer.stallingAfter("{\"agents\":")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream stderr = System.err;
            int exit;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                exit = CsvUpload.upload(csv, 1_000_000, gateway.url(), "/api/agents/import", login, "agents",
                        Duration.ofMillis(300));
            } finally {
                System.setErr(stderr);
            }

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                    "FAIL: no whole answer from /api/agents/import within 300 ms" + System.lineSeparator());
        }
    }
}
