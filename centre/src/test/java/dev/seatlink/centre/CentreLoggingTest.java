package dev.seatlink.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CentreLoggingTest {
    @Test
    void theCentreViewLogsAtInfoAndNotEveryMqttPacket() throws Exception {
        Properties config = new Properties();
        try (InputStream in = CentreMain.class.getResourceAsStream("/tinylog.properties")) {
            assertThat(in).as("the centre's own tinylog.properties (without it tinylog logs at trace)").isNotNull();
            config.load(in);
        }
        assertThat(config.getProperty("writer.level")).isEqualTo("info");
        assertThat(config.getProperty("level@io.netty")).isEqualTo("warn");
    }
}
