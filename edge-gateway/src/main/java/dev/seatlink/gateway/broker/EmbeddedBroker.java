package dev.seatlink.gateway.broker;

import io.moquette.broker.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.tinylog.Logger;

/**
 * Moquette in the gateway's JVM, bound to loopback unless told otherwise, keeping retained
 * messages and persistent sessions under the data directory. Anonymous unless started with
 * {@link BrokerAccessFiles} (then the same rules as the generated Mosquitto ACL); either way a floor
 * on a real network runs Mosquitto, because Moquette 0.17 has known denial-of-service bugs.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Server server = new Server();
    private final String host;
    private final int port;

    private EmbeddedBroker(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * @throws UncheckedIOException naming the address when the port is taken or the data directory unusable
     */
    public static EmbeddedBroker start(String host, int port, Path dataDir) {
        return start(host, port, dataDir, null);
    }

    /**
     * As {@link #start(String, int, Path)}; with {@code access}, logins are checked against the floor's
     * password file and every publish and subscription against the same rules as the Mosquitto ACL.
     */
    public static EmbeddedBroker start(String host, int port, Path dataDir, BrokerAccessFiles access) {
        EmbeddedBroker broker = new EmbeddedBroker(host, port);
        Properties props = new Properties();
        props.setProperty("host", host);
        props.setProperty("port", String.valueOf(port));
        props.setProperty("websocket_port", "disabled"); // Moquette would otherwise take 8080
        props.setProperty("allow_anonymous", access == null ? "true" : "false");
        // mosquitto_pub/sub and other tools connect with an empty client id, as MQTT 3.1.1 allows
        props.setProperty("allow_zero_byte_client_id", "true");
        props.setProperty("persistence_enabled", "true");
        try {
            Path store = Files.createDirectories(dataDir.resolve("broker"));
            props.setProperty("data_path", store.toAbsolutePath() + "/");
            if (access == null) {
                broker.server.startServer(props);
            } else {
                BrokerAccess rules = new BrokerAccess(access.map(), access.passwords());
                broker.server.startServer(new io.moquette.broker.config.MemoryConfig(props), null, null, rules, rules);
            }
        } catch (IOException | RuntimeException e) {
            broker.server.stopServer();
            throw new UncheckedIOException(new IOException(
                    "cannot start the embedded MQTT broker on " + host + ":" + port + ": " + e.getMessage(), e));
        }
        Logger.info("embedded MQTT broker listening on {}:{}", host, port);
        return broker;
    }

    /** The URL clients use to reach it. */
    public String url() {
        String reachable = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        return "tcp://" + reachable + ":" + port;
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
