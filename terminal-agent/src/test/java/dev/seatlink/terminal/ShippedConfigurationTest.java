package dev.seatlink.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sample terminal.properties and the systemd unit that ship with the terminal stay true to the code. */
class ShippedConfigurationTest {
    private static final Path DIST = Path.of("src/main/dist");

    @Test
    void theSampleConfigurationIsValidAndNamesEveryKeyWithItsDefault() throws Exception {
        String text = Files.readString(DIST.resolve("terminal.properties"));
        Properties sample = new Properties();
        try (Reader reader = Files.newBufferedReader(DIST.resolve("terminal.properties"), StandardCharsets.UTF_8)) {
            sample.load(reader);
        }
        Properties merged = TerminalConfig.defaults();
        merged.putAll(sample);
        assertThat(TerminalConfig.from(merged, "terminal.properties").seat()).isEqualTo("s-001");

        TerminalConfig.defaults().forEach((key, value) -> {
            Matcher line = Pattern.compile("(?m)^#?" + Pattern.quote((String) key) + "=(.*)$").matcher(text);
            assertThat(line.find()).as("sample names %s", key).isTrue();
            if (!"dataDir".equals(key)) { // the sample points dataDir at the service's state directory
                assertThat(line.group(1)).as("sample default of %s", key).isEqualTo(value);
            }
        });
    }

    @Test
    void theServiceRunsAsItsOwnUserWithASmallJvmAndReadOnlySystem() throws Exception {
        String unit = Files.readString(DIST.resolve("seatlink-terminal.service"));

        assertThat(unit).contains("User=seatlink", "Restart=on-failure", "ProtectSystem=strict", "NoNewPrivileges=yes",
                "DevicePolicy=closed", "-XX:+UseSerialGC", "-Xmx32m", "StateDirectory=seatlink",
                "--config /etc/seatlink/terminal.properties");
        assertThat(unit).doesNotContain("User=root");
    }
}
