package dev.seatlink.gateway.brokerlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.GatewayConfig;
import org.junit.jupiter.api.Test;

class LinkSettingsTest {
    private static LinkSettings on(String brokers) {
        return new LinkSettings(brokers, "hq", "f1", null, null, null, "a", GatewayConfig.DEFAULT_KEEPALIVE_S);
    }

    @Test
    void onAClusterTheSubscriptionsARollCallMendsAndTheStatesAreTappedAtQos0() {
        assertThat(on("tcp://n1:1883,tcp://n2:1883,tcp://n3:1883").taps()).containsOnly(
                java.util.Map.entry("seatlink/v1/hq/f1/+/status", "seatlink/v1/hq/f1/+/status/#"),
                java.util.Map.entry("seatlink/v1/hq/f1/+/state", "seatlink/v1/hq/f1/+/state/#"),
                java.util.Map.entry("seatlink/v1/hq/f1/+/event", "seatlink/v1/hq/f1/+/event/#"),
                java.util.Map.entry("seatlink/v1/hq/f1/+/cmd-result", "seatlink/v1/hq/f1/+/cmd-result/#"));
    }

    @Test
    void onASingleBrokerNothingIsTappedSinceItWouldHandTheMessagesOverAtQos0Only() {
        assertThat(on("tcp://127.0.0.1:1883").taps()).isEmpty();
        assertThat(on("ssl://broker.floor:8883").taps()).isEmpty();
    }
}
