package dev.seatlink.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** One {@code nats-server} of a local cluster: its config file, its process and its log. */
public final class NatsNode implements MonitoredNode {
    /** JetStream's limits per node: enough for a floor's queued sessions on a technician's machine. */
    static final String MAX_MEMORY_STORE = "256MB";
    static final String MAX_FILE_STORE = "4GB";

    private final Path server;
    private final String name;
    private final Path dir;
    private final NodePorts ports;
    private final List<NodePorts> cluster;
    private final String extraConfig;
    private final MqttTls tls;
    private Process process;
    /** Where this run's lines begin in the log, which every start appends to. */
    private long logStart;

    NatsNode(Path server, String name, Path dir, NodePorts ports, List<NodePorts> cluster, String extraConfig,
             MqttTls tls) {
        this.extraConfig = extraConfig;
        this.tls = tls;
        this.server = server;
        this.name = name;
        this.dir = dir;
        this.ports = ports;
        this.cluster = cluster;
    }

    @Override
    public String name() {
        return name;
    }

    public NodePorts ports() {
        return ports;
    }

    /** This node's MQTT listener as a client's broker URL. */
    public String mqttUrl() {
        return (tls == null ? "tcp" : "ssl") + "://127.0.0.1:" + ports.mqtt();
    }

    /** This node's NATS client listener: where a pair of gateways keeps its lease (TLS when MQTT has it). */
    public String clientUrl() {
        return (tls == null ? "nats" : "tls") + "://127.0.0.1:" + ports.client();
    }

    /** This node's monitoring endpoint ({@code /healthz}, {@code /jsz}, {@code /varz}). */
    @Override
    public String monitorUrl() {
        return "http://127.0.0.1:" + ports.http();
    }

    public Path log() {
        return dir.resolve("nats.log");
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Writes the config and starts the process (its output appended to {@link #log()}). */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("nats.conf");
            Files.writeString(conf, config());
            logStart = Files.exists(log()) ? Files.size(log()) : 0;
            process = new ProcessBuilder(server.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new ClusterException("cannot start " + name + " (" + server + "): " + e.getMessage(), e);
        }
    }

    /** The last fatal line this run of the node logged ({@code [FTL]}: it exited on it), if any. */
    public synchronized Optional<String> fatalLine() {
        try (var log = Files.newInputStream(log())) {
            log.skipNBytes(logStart);
            return new String(log.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.contains("[FTL]")).reduce((first, last) -> last);
        } catch (IOException e) {
            return Optional.empty(); // no log yet, or cut shorter than this run's start: nothing of this run
        }
    }

    /** Whether this run exited because one of its ports was taken between its choice and the node's start. */
    boolean foundAPortTaken() {
        return !isRunning() && fatalLine().filter(line -> line.contains("address already in use")).isPresent();
    }

    /** A clean stop: TERM, then KILL when it has not ended within 10 s. */
    public synchronized void stop() {
        end(false);
    }

    /** {@code kill -9}: the node dies at once, as a machine losing power. */
    public synchronized void kill() {
        end(true);
    }

    private void end(boolean hard) {
        if (process == null) {
            return;
        }
        try {
            if (hard) {
                process.destroyForcibly();
            } else {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process = null;
        }
    }

    String config() {
        StringBuilder c = new StringBuilder();
        c.append("server_name: ").append(name).append('\n');
        c.append("listen: 127.0.0.1:").append(ports.client()).append('\n');
        if (tls != null) {
            c.append(tls.config()).append('\n'); // the client listener's: a pair's lease goes over it
        }
        c.append("http: 127.0.0.1:").append(ports.http()).append('\n');
        c.append("jetstream { store_dir: \"").append(dir.resolve("jetstream").toAbsolutePath())
                .append("\", max_memory_store: ").append(MAX_MEMORY_STORE)
                .append(", max_file_store: ").append(MAX_FILE_STORE).append(" }\n");
        if (cluster.size() > 1) {
            String routes = cluster.stream().map(p -> "nats-route://127.0.0.1:" + p.route())
                    .collect(Collectors.joining(", "));
            c.append("cluster { name: ").append(NatsCluster.NAME).append(", listen: 127.0.0.1:").append(ports.route())
                    .append(", routes: [").append(routes).append("] }\n");
        }
        // Every MQTT stream (sessions, retained messages, queued QoS 1) on up to three nodes: any one may die.
        // Each QoS 1 subscription is a consumer: replicated, every seat's would be a Raft group of its own, and
        // under node restarts those stalled (a standby's event subscription among them). Unreplicated, a
        // consumer lost with its node is made again when its client resubscribes; what it had not delivered
        // is still in the replicated stream, and a gateway's gaps are filled by replay.
        c.append("mqtt { listen: 127.0.0.1:").append(ports.mqtt())
                .append(", stream_replicas: ").append(Math.min(3, cluster.size())).append(", consumer_replicas: 1")
                .append(tls == null ? "" : ", " + tls.config()).append(" }\n");
        return c.append(extraConfig).toString();
    }
}
