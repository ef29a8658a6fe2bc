package dev.seatlink.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tinylog.Level;

class VertxLogsTest {
    @Test
    void theMqttClientsFailedConnectsAreSaidAtDebugItsOtherLinesAsAsked() {
        assertThat(VertxLogs.said(VertxLogs.MQTT_CLIENT, Level.ERROR)).isEqualTo(Level.DEBUG);
        assertThat(VertxLogs.said(VertxLogs.MQTT_CLIENT, Level.WARN)).isEqualTo(Level.DEBUG);
        assertThat(VertxLogs.said(VertxLogs.MQTT_CLIENT, Level.INFO)).isEqualTo(Level.INFO);
    }

    @Test
    void everyOtherVertxLoggerKeepsItsLevelBlockedThreadWarningsIncluded() {
        assertThat(VertxLogs.said("io.vertx.core.impl.BlockedThreadChecker", Level.WARN)).isEqualTo(Level.WARN);
        assertThat(VertxLogs.said("io.vertx.core.net.impl.ConnectionBase", Level.ERROR)).isEqualTo(Level.ERROR);
    }
}
