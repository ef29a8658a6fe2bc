package dev.seatlink.gateway.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionHashTest {
    @Test
    void matchesTheNamesNats2_9_10GaveTheseClientsConsumers() {
        // read from a real cluster's /jsz: gateway-b's consumer on f3's states, and seat s-00022's on its commands
        assertThat(SessionHash.of("bench.f3.gateway-b")).isEqualTo("Lj7FvMfF");
        assertThat(SessionHash.of("bench.f1.s-00022")).isEqualTo("lH5MH3hQ");
    }

    @Test
    void aConsumerNameYieldsItsSessionHashOnlyWhenAnMqttSessionMadeIt() {
        assertThat(SessionHash.ofConsumer("lH5MH3hQ_gkN3nWJYDRaB6tKFzE9ZWh")).isEqualTo("lH5MH3hQ");
        assertThat(SessionHash.ofConsumer("$MQTT_rmsgs_44jzkV9D")).isNull();
        assertThat(SessionHash.ofConsumer("short")).isNull();
    }
}
