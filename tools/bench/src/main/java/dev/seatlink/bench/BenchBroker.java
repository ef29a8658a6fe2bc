package dev.seatlink.bench;

import dev.seatlink.cluster.StablePorts;
import dev.seatlink.gateway.broker.EmbeddedBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The broker a benchmark runs against: a real Mosquitto on a free loopback port when the Debian
 * package is installed (what production uses), else the gateway's embedded Moquette.
 */
final class BenchBroker implements AutoCloseable {
    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private Process mosquitto;
    private final EmbeddedBroker embedded;
    private final String url;
    private final String name;
    private final Path conf;
    private final Path work;
    private final int port;

    private BenchBroker(Process mosquitto, EmbeddedBroker embedded, String url, String name, Path conf, Path work,
                        int port) {
        this.mosquitto = mosquitto;
        this.embedded = embedded;
        this.url = url;
        this.name = name;
        this.conf = conf;
        this.work = work;
        this.port = port;
    }

    static BenchBroker start(Path work) throws IOException, InterruptedException {
        return start(work, false);
    }

    /** @param persistent keep sessions and queued messages across a restart (as production does) */
    static BenchBroker start(Path work, boolean persistent) throws IOException, InterruptedException {
        return start(work, persistent, 100_000);
    }

    /**
     * @param persistent keep sessions and queued messages across a restart (as production does)
     * @param maxQueued  messages Mosquitto keeps per offline persistent session before it drops
     */
    static BenchBroker start(Path work, boolean persistent, int maxQueued) throws IOException, InterruptedException {
        int port = StablePorts.next();
        if (!Files.isExecutable(MOSQUITTO)) {
            EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", port, work.resolve("broker"));
            return new BenchBroker(null, broker, broker.url(), "embedded Moquette (mosquitto not installed)", null,
                    work, port);
        }
        Path conf = work.resolve("mosquitto.conf");
        // Mosquitto started as root drops to user "mosquitto", which could not write its persistence file
        // in the benchmark's directory: it stays the user that runs the benchmark.
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\nuser "
                + System.getProperty("user.name") + "\n"
                + (persistent ? "persistence true\npersistence_location " + work + "/\n" : "persistence false\n")
                + "max_queued_messages " + maxQueued + "\nmax_inflight_messages 1000\nmax_connections -1\n");
        return new BenchBroker(launch(conf, work, port), null, "tcp://127.0.0.1:" + port, "Mosquitto", conf, work, port);
    }

    private static Process launch(Path conf, Path work, int port) throws IOException, InterruptedException {
        // 10,000 seats need 10,000 sockets: raise the descriptor limit for the broker alone.
        Process process = new ProcessBuilder("bash", "-c", "ulimit -n 65536 2>/dev/null || ulimit -n $(ulimit -Hn); exec "
                + MOSQUITTO + " -c '" + conf + "'").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("mosquitto.log").toFile())).start();
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IOException("mosquitto did not start; see " + work.resolve("mosquitto.log"));
    }

    /** Stops Mosquitto (it saves its persistence on the way out) and starts it again on the same port. */
    void restart() throws IOException, InterruptedException {
        mosquitto.destroy();
        mosquitto.waitFor();
        mosquitto = launch(conf, work, port);
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
}
