package dev.seatlink.gateway.broker;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTelemetryTest {
    @TempDir
    Path dir;

    /**
     * Moquette's report home starts on a thread of its own at every start, and its first step writes the installation's
     * id into the broker's data folder (within milliseconds here): no id there, no report.
     */
    @Test
    void theEmbeddedBrokerReportsToNoOneOutside() {
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, dir)) {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> !Files.exists(dir.resolve("broker").resolve(".moquette_uuid")));
        }
    }
}
