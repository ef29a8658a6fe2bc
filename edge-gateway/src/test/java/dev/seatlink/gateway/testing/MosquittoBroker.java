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

    private final Process process;
    private final int port;

    private MosquittoBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean installed() {
        return LOCATIONS.stream().anyMatch(Files::isExecutable);
    }

    /** Starts Mosquitto with the queue limits the contract asks for, and waits until it accepts connections. */
    public static MosquittoBroker start(Path dir) {
        Path binary = LOCATIONS.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("mosquitto is not installed (apt-get install mosquitto)"));
        int port = FreePorts.next();
        try {
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence false",
                    "max_queued_messages 100000",
                    "max_inflight_messages 1000",
                    ""));
            Process process = new ProcessBuilder(binary.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.log").toFile())
                    .start();
            MosquittoBroker broker = new MosquittoBroker(process, port);
            broker.awaitListening(Duration.ofSeconds(10), dir.resolve("mosquitto.log"));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto", e);
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
