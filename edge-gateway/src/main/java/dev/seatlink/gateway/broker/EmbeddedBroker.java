package dev.seatlink.gateway.broker;

import io.moquette.broker.Server;
import io.netty.channel.EventLoopGroup;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tinylog.Logger;

/**
 * Moquette in the gateway's JVM, bound to loopback unless told otherwise, keeping retained
 * messages and persistent sessions under the data directory. Anonymous unless started with
 * {@link BrokerAccessFiles} (then the same rules as the generated Mosquitto ACL); either way a floor
 * on a real network runs Mosquitto, because Moquette 0.17 has known denial-of-service bugs.
 *
 * <p>Moquette itself listens on a loopback port of its own; clients reach it through a {@link ConnectGate}
 * on the public address, which keeps a client's packets sent before its CONNACK from being dropped.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final long GATE_START_S = 10;
    private static final long LOOPS_STOP_S = 5;

    private final Server server = new Server();
    private final String host;
    private ConnectGate gate;

    private EmbeddedBroker(String host) {
        this.host = host;
    }

    /**
     * @param port 0 for any free port ({@link #url()} says which)
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
        EmbeddedBroker broker = new EmbeddedBroker(host);
        Properties props = new Properties();
        int inner = freeLoopbackPort();
        props.setProperty("host", "127.0.0.1");
        props.setProperty("port", String.valueOf(inner));
        props.setProperty("websocket_port", "disabled"); // Moquette would otherwise take 8080
        props.setProperty("allow_anonymous", access == null ? "true" : "false");
        // mosquitto_pub/sub and other tools connect with an empty client id, as MQTT 3.1.1 allows
        props.setProperty("allow_zero_byte_client_id", "true");
        props.setProperty("persistence_enabled", "true");
        // Moquette 0.17 otherwise reports to telemetry.moquette.io, with the address whatismyip.akamai.com gives it,
        // at every start: a floor's gateway tells no one outside about itself.
        props.setProperty(io.moquette.BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        try {
            Path store = Files.createDirectories(dataDir.resolve("broker"));
            props.setProperty("data_path", store.toAbsolutePath() + "/");
            if (access == null) {
                broker.server.startServer(props);
            } else {
                BrokerAccess rules = new BrokerAccess(access.map(), access.passwords());
                broker.server.startServer(new io.moquette.broker.config.MemoryConfig(props), null, null, rules, rules);
            }
            Vertx gateLoop = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
            try {
                broker.gate = ConnectGate.start(gateLoop, host, port, inner).toCompletionStage().toCompletableFuture()
                        .get(GATE_START_S, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException | InterruptedException e) {
                gateLoop.close();
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                throw new IOException(cause.getMessage(), cause);
            }
        } catch (IOException | RuntimeException e) {
            broker.server.stopServer();
            throw new UncheckedIOException(new IOException(
                    "cannot start the embedded MQTT broker on " + host + ":" + port + ": " + e.getMessage(), e));
        }
        Logger.info("embedded MQTT broker listening on {}:{}", host, broker.gate.port());
        return broker;
    }

    private static int freeLoopbackPort() throws UncheckedIOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the embedded broker", e);
        }
    }

    /** The URL clients use to reach it. */
    public String url() {
        String reachable = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        return "tcp://" + reachable + ":" + gate.port();
    }

    @Override
    public void close() {
        if (gate != null) {
            try {
                gate.close().toCompletionStage().toCompletableFuture().get(GATE_START_S, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                Logger.warn("the embedded broker's gate did not close cleanly: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!stopLoopsAtOnce(server)) {
            Logger.warn("this Moquette's Netty loops were not found: stopping the embedded broker takes 2 s longer");
        }
        server.stopServer();
    }

    /**
     * Starts the shutdown of Moquette 0.17's Netty loops without a quiet period. {@link Server#stopServer()} stops them
     * with Netty's default one of 2 s, which every gateway stop (and every test that starts a gateway) waited out; once
     * they are shutting down, its own call returns as soon as they end. Reaches into Moquette's private fields because
     * it has no setting for this; false (and the slow stop) on a Moquette without them.
     */
    static boolean stopLoopsAtOnce(Server server) {
        try {
            Object acceptor = field(server, "acceptor");
            if (acceptor == null) {
                return false;
            }
            for (String loops : List.of("workerGroup", "bossGroup")) {
                ((EventLoopGroup) field(acceptor, loops)).shutdownGracefully(0, LOOPS_STOP_S, TimeUnit.SECONDS);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Logger.debug("Moquette's loops: {}", e.toString());
            return false;
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
