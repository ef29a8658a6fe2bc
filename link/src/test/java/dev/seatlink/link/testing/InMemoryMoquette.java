package dev.seatlink.link.testing;

import io.moquette.broker.config.MemoryConfig;
import java.nio.file.Path;
import java.util.Properties;

/** The settings of an embedded Moquette for tests: loopback only, anonymous, nothing kept between runs. */
public final class InMemoryMoquette {
    private InMemoryMoquette() {
    }

    /** Listening on 127.0.0.1:{@code port}, without websockets; Moquette's own files under {@code dir}. */
    public static MemoryConfig config(int port, Path dir) {
        Properties props = new Properties();
        props.setProperty("host", "127.0.0.1");
        props.setProperty("port", String.valueOf(port));
        props.setProperty("websocket_port", "disabled");
        props.setProperty("allow_anonymous", "true");
        props.setProperty("persistence_enabled", "false");
        // Moquette queues every command (a publish, a subscribe, a connect) on one of a few session loops and drops one
        // that finds its loop's queue full (1,024 by default) without an answer: a test's burst of publishes then cost
        // a client on the same loop its SUBACK. Room for every burst a test sends.
        props.setProperty(io.moquette.BrokerConstants.SESSION_QUEUE_SIZE, "16384");
        // else it reports to telemetry.moquette.io at every start
        props.setProperty(io.moquette.BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        props.setProperty("data_path", dir.toAbsolutePath() + "/");
        return new MemoryConfig(props);
    }
}
