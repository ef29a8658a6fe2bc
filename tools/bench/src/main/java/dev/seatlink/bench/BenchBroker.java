package dev.seatlink.bench;

import dev.seatlink.gateway.broker.EmbeddedBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The broker a benchmark runs against: a real Mosquitto on a free loopback port when the Debian
 * package is installed (what production uses), else the gateway's embedded Moquette.
 */
final class BenchBroker implements AutoCloseable {
    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private final Process mosquitto;
    private final EmbeddedBroker embedded;
    private final String url;
    private final String name;

    private BenchBroker(Process mosquitto, EmbeddedBroker embedded, String url, String name) {
        this.mosquitto = mosquitto;
        this.embedded = embedded;
        this.url = url;
        this.name = name;
    }

    static BenchBroker start(Path work) throws IOException, InterruptedException {
        int port = freePort();
        if (!Files.isExecutable(MOSQUITTO)) {
            EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", port, work.resolve("broker"));
            return new BenchBroker(null, broker, broker.url(), "embedded Moquette (mosquitto not installed)");
        }
        Path conf = work.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + "max_queued_messages 100000\nmax_inflight_messages 1000\nmax_connections -1\n");
        // 10,000 seats need 10,000 sockets: raise the descriptor limit for the broker alone.
        Process process = new ProcessBuilder("bash", "-c", "ulimit -n 65536 2>/dev/null || ulimit -n $(ulimit -Hn); exec "
                + MOSQUITTO + " -c '" + conf + "'").redirectErrorStream(true)
                .redirectOutput(work.resolve("mosquitto.log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new BenchBroker(process, null, "tcp://127.0.0.1:" + port, "Mosquitto");
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IOException("mosquitto did not start; see " + work.resolve("mosquitto.log"));
    }

    String url() {
        return url;
    }

    /** The broker's process id (Mosquitto), or this JVM's for the embedded broker. */
    long pid() {
        return mosquitto != null ? mosquitto.pid() : ProcessHandle.current().pid();
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        if (mosquitto != null) {
            mosquitto.destroy();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
