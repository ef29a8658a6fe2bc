package dev.seatlink.gateway.acd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.acd.CallsInProgress.CallInProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallsInProgressFileTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsLoadedByTheNextGateway() {
        new CallsInProgressFile(dir).save(Map.of("PJSIP/1001", new CallInProgress("1764590400.42", "1764590400.43"),
                "PJSIP/1002", new CallInProgress("1764590400.50", null)));

        assertThat(new CallsInProgressFile(dir).load()).containsOnly(
                Map.entry("PJSIP/1001", new CallInProgress("1764590400.42", "1764590400.43")),
                Map.entry("PJSIP/1002", new CallInProgress("1764590400.50", null)));
    }

    @Test
    void noFileAndAFileThatIsNotOursAreNothingKept() throws Exception {
        assertThat(new CallsInProgressFile(dir).load()).isEmpty();

        Files.writeString(dir.resolve(CallsInProgressFile.NAME), "{\"PJSIP/1001\": [1, 2");
        assertThat(new CallsInProgressFile(dir).load()).isEmpty();
        Files.writeString(dir.resolve(CallsInProgressFile.NAME), "{\"PJSIP/1001\": {\"leg\": \"x\"}}");
        assertThat(new CallsInProgressFile(dir).load()).as("a call without its id").isEmpty();
    }

    @Test
    void aDirectoryItCannotWriteIsSaidInTheLogAndThrowsNothing() {
        CallsInProgressFile file = new CallsInProgressFile(dir.resolve("gone"));

        file.save(Map.of("PJSIP/1001", new CallInProgress("1764590400.42", null)));

        assertThat(file.load()).isEmpty();
    }
}
