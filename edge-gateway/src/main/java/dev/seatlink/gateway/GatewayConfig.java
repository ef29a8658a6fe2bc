package dev.seatlink.gateway;

import java.nio.file.Path;

/**
 * Everything the gateway is told at start (command-line options of {@code tools/seatlink gateway}).
 *
 * @param httpHost  address the wallboard and API listen on; default 127.0.0.1 (use 0.0.0.0 to serve floor TVs)
 * @param httpPort  default 8080; 0 picks a free port
 * @param brokerUrl an external broker such as {@code tcp://127.0.0.1:1883}; null (default) starts the embedded one
 * @param mqttHost  embedded broker address; default 127.0.0.1, so only this machine can reach it
 * @param mqttPort  embedded broker port; default 1883
 * @param username  broker username for the external broker, or null
 * @param password  broker password, or null
 * @param dataDir   where the gateway keeps its files (embedded broker store); default ./data/gateway
 * @param seatMap   the seat-map JSON file; null (default) uses the demo floor hq/f1
 */
public record GatewayConfig(String httpHost, int httpPort, String brokerUrl, String mqttHost, int mqttPort,
                            String username, String password, Path dataDir, Path seatMap) {

    public boolean embeddedBroker() {
        return brokerUrl == null;
    }

    /** The defaults, with the embedded broker and the demo seat map. */
    public static GatewayConfig defaults() {
        return new GatewayConfig("127.0.0.1", 8080, null, "127.0.0.1", 1883, null, null, Path.of("data", "gateway"), null);
    }

    @Override
    public String toString() {
        return "GatewayConfig[http=" + httpHost + ":" + httpPort + " broker=" + (embeddedBroker()
                ? "embedded " + mqttHost + ":" + mqttPort : brokerUrl) + " user=" + username + " dataDir=" + dataDir
                + " seatMap=" + (seatMap == null ? "demo" : seatMap) + "]";
    }
}
