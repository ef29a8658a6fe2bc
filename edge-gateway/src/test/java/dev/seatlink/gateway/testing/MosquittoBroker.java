package dev.seatlink.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Mosquitto on a free loopback port, for tests of the path production uses. Tests call
 * {@link #installed()} first and are skipped, with a message, where the Debian package is absent.
 */
public final class MosquittoBroker implements AutoCloseable {
    private static final List<Path> LOCATIONS = List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto"),
            Path.of("/usr/local/sbin/mosquitto"));

    private Process process;
    private final int port;
    private final Path dir;

    private MosquittoBroker(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static boolean installed() {
        return LOCATIONS.stream().anyMatch(Files::isExecutable);
    }

    /**
     * Starts Mosquitto as a floor runs it (persistence on, queue limits raised as the contract asks)
     * on a free port, and waits until it accepts connections.
     */
    public static MosquittoBroker start(Path dir) {
        return start(dir, FreePorts.next());
    }

    /** As {@link #start(Path)}, on a given port (a broker that "appears" where terminals already look). */
    public static MosquittoBroker start(Path dir, int port) {
        return start(dir, port, "");
    }

    /** As {@link #start(Path, int)}, with more configuration lines (e.g. password and ACL files). */
    public static MosquittoBroker start(Path dir, int port, String extraConf) {
        try {
            Path conf = dir.resolve("mosquitto.conf");
            Files.createDirectories(dir);
            Files.writeString(conf, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence true",
                    "persistence_location " + dir.toAbsolutePath() + "/",
                    "autosave_interval 1",
                    "max_queued_messages 100000",
                    "max_inflight_messages 1000",
                    // run as the test's user so it can read the test's mode-600 password and ACL files
                    "user " + System.getProperty("user.name"),
                    extraConf));
            MosquittoBroker broker = new MosquittoBroker(null, port, dir);
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto", e);
        }
    }

    private void launch() throws IOException {
        Path binary = LOCATIONS.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("mosquitto is not installed (apt-get install mosquitto)"));
        Path log = dir.resolve("mosquitto.log");
        process = new ProcessBuilder(binary.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitListening(Duration.ofSeconds(10), log);
    }

    /** Stops the broker (SIGTERM: it saves its sessions) and starts it again on the same port. */
    public void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart mosquitto", e);
        }
    }

    private void awaitListening(Duration timeout, Path log) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port + " within " + timeout);
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(5), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
