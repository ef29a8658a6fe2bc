package dev.seatlink.gateway;

import dev.seatlink.link.BrokerList;
import dev.seatlink.protocol.ClientId;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the gateway is told at start (the options of {@code tools/seatlink gateway}), in four parts.
 * Every value is checked when a part is built and the parts against each other here; a broken one stops
 * the gateway before anything is touched, with a {@link GatewayConfigException} naming the option and the
 * rule ({@code --retention-days must be 1-3650}), exit code 2.
 */
public record GatewayConfig(Http http, Link link, Store store, Floor floor) {
    public static final int DEFAULT_RETENTION_DAYS = 400;
    /** Retention is deleted every 6 h: under a day would wipe the shift being worked. */
    static final int MIN_RETENTION_DAYS = 1;
    static final int MAX_RETENTION_DAYS = 3_650;
    public static final long MIN_REORDER_TIMEOUT_MS = 100;
    public static final long MAX_REORDER_TIMEOUT_MS = 60_000;
    public static final int DEFAULT_COMMAND_TIMEOUT_S = 10;
    static final int MIN_COMMAND_TIMEOUT_S = 1;
    static final int MAX_COMMAND_TIMEOUT_S = 300;
    /** The broker link's MQTT keepalive, as a terminal's {@code keepAliveSeconds}: 10 s unless told. */
    public static final int DEFAULT_KEEPALIVE_S = 10;
    static final int MIN_KEEPALIVE_S = 2;
    static final int MAX_KEEPALIVE_S = 300;

    public GatewayConfig {
        require(http != null && link != null && store != null && floor != null, "every part of the configuration");
    }

    /**
     * The wallboard and API.
     *
     * @param host      address they listen on; default 127.0.0.1 (0.0.0.0 to serve floor TVs)
     * @param port      default 8080; 0 picks a free port
     * @param https     the certificate and key to serve HTTPS with, or null for plain HTTP
     * @param usersFile supervisors allowed to sign in ({@code name:hash} lines), or null
     */
    public record Http(String host, int port, Https https, Path usersFile) {
        public Http {
            require(host != null && !host.isBlank(), "--http-host must not be empty");
            checkPort("--http-port", port);
        }

        /** The wallboard's address as a person types it, once listening on {@code actualPort}. */
        public String wallboardUrl(int actualPort) {
            String shown = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
            return (https == null ? "http" : "https") + "://" + shown + ":" + actualPort + "/";
        }
    }

    /**
     * HTTPS for the wallboard and API: supervisors sign in with Basic authentication, so their passwords
     * cross the floor network only inside TLS.
     *
     * @param cert PEM certificate chain, the server's first
     * @param key  PEM private key (PKCS#8 or PKCS#1)
     */
    public record Https(Path cert, Path key) {
        public Https {
            require(cert != null && key != null, "--https-cert and --https-key go together");
        }
    }

    /**
     * The broker: an external one ({@code brokerUrl}) or the embedded one.
     *
     * @param brokerUrl    {@code tcp://HOST:PORT} or {@code ssl://HOST:PORT}, or a comma-separated list of a
     *                     cluster's nodes (walked in turn); null (default) starts the embedded one
     * @param mqttHost     embedded broker address; default 127.0.0.1, so only this machine can reach it
     * @param mqttPort     embedded broker port; default 1883
     * @param username     login at the external broker, or null
     * @param password     its password, or null
     * @param tlsCaFile    PEM CA to trust for an ssl:// broker, or null for the JVM's default CAs
     * @param embeddedAuth a directory from {@code tools/seatlink credentials}: the embedded broker then checks
     *                     logins and topics, and the gateway logs in with its {@code gateway.credentials};
     *                     null (default) = an anonymous embedded broker
     * @param instance     {@code a} or {@code b}: this gateway is one of the floor's pair on a cluster (each its own
     *                     session; one primary at a time); null (default) = the floor's only gateway
     * @param publicUrl    where supervisors reach this gateway's wallboard ({@code http(s)://host:port/}), told to
     *                     the other of a pair and the centre view; null = derived from the HTTP listener
     * @param natsMonitor  the NATS nodes' monitoring URLs ({@code http://HOST:8222}), read for JetStream storage and
     *                     session backlogs; empty (default) = not on NATS, or not read
     * @param natsServers  the NATS nodes' client URLs ({@code nats://HOST:4222}) where a pair keeps its lease (a
     *                     compare-and-set the cluster orders, which a retained MQTT message is not); required for a
     *                     pair on a cluster's several nodes; empty (default) = no pair, or a pair on one broker
     * @param keepAliveSeconds the broker link's MQTT keepalive: the broker takes the gateway for gone (and sends its
     *                     Last Will) after 1.5 times this of silence, and a subscribe it leaves unanswered for 3 times
     *                     this is made again on a new connection
     */
    public record Link(String brokerUrl, String mqttHost, int mqttPort, String username, String password,
                       Path tlsCaFile, Path embeddedAuth, String instance, String publicUrl, List<String> natsMonitor,
                       List<String> natsServers, int keepAliveSeconds) {
        static final int MAX_NATS_NODES = 16;

        public Link {
            natsMonitor = natsMonitor == null ? List.of() : List.copyOf(natsMonitor);
            natsServers = natsServers == null ? List.of() : List.copyOf(natsServers);
            require(mqttHost != null && !mqttHost.isBlank(), "--mqtt-host must not be empty");
            checkPort("--mqtt-port", mqttPort);
            checkBrokers(brokerUrl);
            require(brokerUrl == null || embeddedAuth == null,
                    "--embedded-auth is for the embedded broker: with --broker, the broker checks logins itself");
            require(tlsCaFile == null || brokerUrl != null && BrokerList.isTls(brokerUrl),
                    "--tls-ca-file is for an ssl:// --broker");
            require(password == null || username != null, "a broker password needs --username");
            require(instance == null || ClientId.PAIR.contains(instance),
                    "--instance must be one of " + ClientId.PAIR + " (was '" + instance + "')");
            require(instance == null || brokerUrl != null,
                    "--instance is for a pair of gateways on an external broker or cluster: give --broker");
            checkNodes("--nats-monitor", natsMonitor, "https?", "http://HOST:PORT monitoring URLs");
            require(natsMonitor.isEmpty() || brokerUrl != null, "--nats-monitor is for a NATS cluster: give --broker too");
            checkNodes("--nats", natsServers, "(nats|tls)", "nats://HOST:PORT client URLs");
            require(natsServers.isEmpty() || instance != null,
                    "--nats is where a floor's pair keeps its lease: it goes with --instance");
            require(instance == null || !natsServers.isEmpty() || brokerUrl == null
                            || BrokerList.parse(brokerUrl).size() < 2,
                    "a pair on a cluster keeps its lease in the cluster's store: give its nodes with --nats "
                            + "(nats://HOST:4222,...); a retained message is no lock across nodes");
            require(publicUrl == null || publicUrl.matches("https?://[\\x21-\\x7e]{1,190}"),
                    "--public-url must be an http:// or https:// URL (was '" + publicUrl + "')");
            require(keepAliveSeconds >= MIN_KEEPALIVE_S && keepAliveSeconds <= MAX_KEEPALIVE_S,
                    "--keepalive-seconds must be " + MIN_KEEPALIVE_S + "-" + MAX_KEEPALIVE_S + " (was " + keepAliveSeconds
                            + "): a silent link is taken for dead after 1.5 times it");
        }

        /** A list of a cluster's nodes: at most {@link #MAX_NATS_NODES}, each a URL of {@code schemes}. */
        private static void checkNodes(String option, List<String> urls, String schemes, String what) {
            require(urls.size() <= MAX_NATS_NODES, option + " lists at most " + MAX_NATS_NODES + " nodes");
            urls.forEach(url -> require(url.matches(schemes + "://[\\x21-\\x7e]{1,190}"),
                    option + " takes the nodes' " + what + ", comma-separated (was '" + url + "')"));
        }

        private static void checkBrokers(String brokers) {
            if (brokers != null) {
                try {
                    BrokerList.parse(brokers);
                } catch (IllegalArgumentException e) {
                    throw new GatewayConfigException("--broker: " + e.getMessage());
                }
            }
        }

        public boolean embedded() {
            return brokerUrl == null;
        }
    }

    /**
     * @param dataDir       where the gateway keeps its files: event store, audit log, embedded broker store
     * @param retentionDays events and audit lines older than this are deleted (default 400)
     * @param central       the centre-wide PostgreSQL store events are copied to, or null (default: none)
     */
    public record Store(Path dataDir, int retentionDays, Central central) {
        public Store {
            require(dataDir != null, "--data-dir must be given");
            require(retentionDays >= MIN_RETENTION_DAYS && retentionDays <= MAX_RETENTION_DAYS,
                    "--retention-days must be " + MIN_RETENTION_DAYS + "-" + MAX_RETENTION_DAYS + " (was "
                            + retentionDays + "): older events and audit lines are deleted every 6 h");
        }
    }

    /**
     * The centre-wide store (optional): PostgreSQL 15, one database for every floor of the centre.
     *
     * @param url      {@code jdbc:postgresql://HOST:PORT/DATABASE}
     * @param user     its login, or null
     * @param password its password, or null
     */
    public record Central(String url, String user, String password) {
        public Central {
            require(url != null && url.matches("jdbc:postgresql://[^\\s/]+(:\\d{1,5})?/[A-Za-z0-9_]+(\\?[^\\s]*)?"),
                    "--central-store must look like jdbc:postgresql://HOST:PORT/DATABASE (was '" + url + "')");
            require(password == null || user != null, "a centre store password needs --central-store-user");
        }

        @Override
        public String toString() {
            return "Central[" + url + ", user " + user + (password == null ? "" : ", password ****") + "]";
        }
    }

    /**
     * @param siteFile         the site config JSON; null (default) runs the demo floor hq/f1
     * @param reorderTimeoutMs how long a gap is waited for before the seat is asked to replay (default 2000)
     * @param commandTimeoutS  how long a seat has to answer a supervisor's command before it is reported
     *                         unanswered (default 10)
     * @param acd              the Asterisk phone system's AMI, or null (default: none)
     */
    public record Floor(Path siteFile, long reorderTimeoutMs, int commandTimeoutS, Acd acd) {
        public Floor {
            require(reorderTimeoutMs >= MIN_REORDER_TIMEOUT_MS && reorderTimeoutMs <= MAX_REORDER_TIMEOUT_MS,
                    "--reorder-timeout-ms must be " + MIN_REORDER_TIMEOUT_MS + "-" + MAX_REORDER_TIMEOUT_MS + " (was "
                            + reorderTimeoutMs + ")");
            require(commandTimeoutS >= MIN_COMMAND_TIMEOUT_S && commandTimeoutS <= MAX_COMMAND_TIMEOUT_S,
                    "--command-timeout-seconds must be " + MIN_COMMAND_TIMEOUT_S + "-" + MAX_COMMAND_TIMEOUT_S
                            + " (was " + commandTimeoutS + ")");
        }
    }

    /**
     * An Asterisk/FreePBX phone system's manager interface (AMI): its queue events drive the seats, and the seats'
     * state keeps its queue pauses.
     *
     * @param host     {@code --ami HOST:PORT}'s host
     * @param username the AMI user ({@code manager.conf})
     * @param password its secret; never logged
     */
    public record Acd(String host, int port, String username, String password) {
        public Acd {
            require(host != null && host.matches("[A-Za-z0-9.:\\[\\]-]{1,253}"), "--ami must be HOST:PORT (was '" + host + "')");
            require(port > 0 && port <= 65_535, "--ami's port must be 1-65535 (was " + port + ")");
            require(username != null && password != null, "--ami needs --ami-credentials FILE (username=… password=…)");
        }

        /** {@code HOST:PORT} as given to {@code --ami}. */
        public static Acd parse(String hostPort, String username, String password) {
            int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
            require(colon > 0, "--ami must be HOST:PORT (was '" + hostPort + "')");
            int port;
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new GatewayConfigException("--ami must be HOST:PORT (was '" + hostPort + "')");
            }
            return new Acd(hostPort.substring(0, colon), port, username, password);
        }

        @Override
        public String toString() {
            return "Acd[" + host + ":" + port + ", user " + username + ", password ****]";
        }
    }

    private static void checkPort(String option, int port) {
        require(port >= 0 && port <= 65_535, option + " must be 0-65535 (was " + port + ")");
    }

    private static void require(boolean rule, String otherwise) {
        if (!rule) {
            throw new GatewayConfigException(otherwise);
        }
    }

    /** The defaults, with the embedded broker and the demo floor. */
    public static GatewayConfig defaults() {
        return builder().build();
    }

    public static GatewayConfigBuilder builder() {
        return new GatewayConfigBuilder();
    }

    /** A builder starting from this configuration. */
    public GatewayConfigBuilder toBuilder() {
        return GatewayConfigBuilder.from(this);
    }

    /** The same configuration on other ports and directories (tests, the demo). */
    public GatewayConfig with(int newHttpPort, String newBrokerUrl, int newMqttPort, Path newDataDir) {
        return toBuilder().httpPort(newHttpPort).brokerUrl(newBrokerUrl).mqttPort(newMqttPort).dataDir(newDataDir)
                .build();
    }

    public GatewayConfig withLogin(String newUsername, String newPassword, Path newTlsCaFile) {
        return toBuilder().login(newUsername, newPassword).tlsCaFile(newTlsCaFile).build();
    }

    public GatewayConfig withSiteFile(Path newSiteFile) {
        return toBuilder().siteFile(newSiteFile).build();
    }

    public GatewayConfig withUsers(Path newUsersFile) {
        return toBuilder().usersFile(newUsersFile).build();
    }

    public GatewayConfig withEmbeddedAuth(Path credentialsDir) {
        return toBuilder().embeddedAuth(credentialsDir).build();
    }

    public GatewayConfig withHttps(Https newHttps) {
        return toBuilder().https(newHttps).build();
    }

    @Override
    public String toString() {
        return "GatewayConfig[" + (http.https() == null ? "http=" : "https=") + http.host() + ":" + http.port()
                + " broker=" + (link.embedded() ? "embedded " + link.mqttHost() + ":" + link.mqttPort() : link.brokerUrl())
                + " user=" + link.username() + " dataDir=" + store.dataDir() + " siteFile="
                + (floor.siteFile() == null ? "demo" : floor.siteFile()) + "]";
    }
}
