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
 * messages and persistent sessions under the data directory. Anonymous: anything that can reach
 * the port may connect, which is why the default host is 127.0.0.1.
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
        EmbeddedBroker broker = new EmbeddedBroker(host, port);
        Properties props = new Properties();
        props.setProperty("host", host);
        props.setProperty("port", String.valueOf(port));
        props.setProperty("websocket_port", "disabled"); // Moquette would otherwise take 8080
        props.setProperty("allow_anonymous", "true");
        // mosquitto_pub/sub and other tools connect with an empty client id, as MQTT 3.1.1 allows
        props.setProperty("allow_zero_byte_client_id", "true");
        props.setProperty("persistence_enabled", "true");
        try {
            Path store = Files.createDirectories(dataDir.resolve("broker"));
            props.setProperty("data_path", store.toAbsolutePath() + "/");
            broker.server.startServer(props);
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
