package dev.seatlink.gateway.ingest;

import static org.awaitility.Awaitility.await;

import dev.seatlink.gateway.Gateway;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.testing.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A floor larger than Paho's in-flight window (65,000) still gets every seat's retained config. */
class EverySeatGetsItsConfigTest {
    private static final int SEATS = 70_000;

    @TempDir
    Path dir;

    @Test
    void seventyThousandSeatsEachGetTheirConfig() throws Exception {
        StringBuilder site = new StringBuilder("{\"site\":\"hq\",\"floor\":\"f1\",\"teams\":[{\"id\":\"t\"}],\"seats\":[");
        for (int i = 0; i < SEATS; i++) {
            site.append(i == 0 ? "" : ",").append("{\"seat\":\"s").append(i).append("\",\"team\":\"t\",\"x\":")
                    .append(i % 1000).append(",\"y\":").append(i / 1000).append('}');
        }
        Path file = dir.resolve("floor.json");
        Files.writeString(file, site.append("]}"));
        Set<String> configured = ConcurrentHashMap.newKeySet();

        Assumptions.assumeTrue(MosquittoBroker.installed(), "mosquitto is not installed");
        // Mosquitto, as a floor that size runs (the embedded Moquette stores retained messages at ~200/s)
        try (MosquittoBroker broker = MosquittoBroker.start(dir.resolve("mosquitto"));
             Gateway gateway = Gateway.start(GatewayConfig.defaults().with(0, broker.url(), 0,
                     dir.resolve("gw")).withSiteFile(file))) {
            // a plain client that only counts topics: 70,000 retained configs
            MqttClient reader = new MqttClient(broker.url(), "config-reader", new MemoryPersistence());
            reader.connect();
            try {
                reader.subscribe("seatlink/v1/hq/f1/+/config", 1, (topic, message) -> configured.add(topic));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> configured.size() == SEATS);
            } finally {
                reader.disconnect();
                reader.close();
            }
        }
    }
}
