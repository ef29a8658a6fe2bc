package dev.seatlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.testing.ChildJvm;
import dev.seatlink.gateway.testing.FreePorts;
import dev.seatlink.gateway.testing.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wallboard's pages come from the gateway's jar, whatever folder it is started in. */
class StaticPagesTest {
    @TempDir
    Path dir;

    @Test
    void aWebrootFolderInTheWorkingDirectoryIsNeverServed() throws Exception {
        Files.createDirectories(dir.resolve("webroot"));
        Files.writeString(dir.resolve("webroot/index.html"), "<h1>HIJACKED</h1>");
        Files.writeString(dir.resolve("webroot/extra.html"), "<h1>HIJACKED</h1>");
        int port = FreePorts.next();
        try (ChildJvm gateway = ChildJvm.startIn(dir, "dev.seatlink.gateway.GatewayMain", dir.resolve("gw.log"),
                "--http-port", String.valueOf(port), "--mqtt-port", String.valueOf(FreePorts.next()),
                "--data-dir", dir.resolve("data").toString())) {
            Http http = new Http(port);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> http.get("/health").statusCode() == 200);

            for (String page : new String[] {"/", "/index.html", "/team/billing-1"}) {
                assertThat(http.get(page).body()).as(page).doesNotContain("HIJACKED").contains("wallboard.js");
            }
            assertThat(http.get("/wallboard.js").headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/javascript"));
            assertThat(http.get("/extra.html").statusCode()).isEqualTo(404);
            assertThat(http.get("/..%2f..%2fetc/passwd").statusCode()).isEqualTo(404);
        }
    }
}
