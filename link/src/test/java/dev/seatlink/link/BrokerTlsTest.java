package dev.seatlink.link;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerTlsTest {

    @Test
    void aFileThatIsNoCertificateIsNamed(@TempDir Path dir) throws Exception {
        Path notPem = dir.resolve("ca.pem");
        Files.writeString(notPem, "not a certificate");

        assertThatThrownBy(() -> BrokerTls.trusting(notPem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot use CA file " + notPem);
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> BrokerTls.trusting(dir.resolve("none.pem"))).hasMessageContaining("none.pem");
    }
}
