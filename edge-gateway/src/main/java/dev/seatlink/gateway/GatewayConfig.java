package dev.seatlink.gateway;

import dev.seatlink.gateway.ingest.Reorderer;
import java.nio.file.Path;

/**
 * Everything the gateway is told at start (command-line options of {@code tools/seatlink gateway}).
 *
 * @param httpHost  address the wallboard and API listen on; default 127.0.0.1 (use 0.0.0.0 to serve floor TVs)
 * @param httpPort  default 8080; 0 picks a free port
 * @param brokerUrl an external broker such as {@code tcp://127.0.0.1:1883}; null (default) starts the embedded one
 * @param mqttHost  embedded broker address; default 127.0.0.1, so only this machine can reach it
 * @param mqttPort  embedded broker port; default 1883
 * @param username  broker username for the external broker, or null
 * @param password  broker password, or null
 * @param tlsCaFile PEM CA to trust for an ssl:// broker, or null for the JVM's default CAs
 * @param dataDir   where the gateway keeps its files (embedded broker store); default ./data/gateway
 * @param siteFile   the seat-map JSON file; null (default) uses the demo floor hq/f1
 * @param embeddedAuth  a directory from {@code tools/seatlink credentials}: the embedded broker then checks
 *                      logins against its {@code passwd} and topics against the ACL rules, and the gateway logs
 *                      in with its {@code gateway.credentials}; null (default) = an anonymous embedded broker
 * @param usersFile supervisors allowed to send commands through the API ({@code name:hash} lines), or null
 * @param retentionDays  stored events older than this are deleted (default 400: a year of reviews and then some)
 * @param reorderTimeoutMs how long a gap is waited for before asking for replay (default 2000)
 * @param https     the certificate and key to serve HTTPS with, or null for plain HTTP
 */
public record GatewayConfig(String httpHost, int httpPort, String brokerUrl, String mqttHost, int mqttPort,
                            String username, String password, Path tlsCaFile, Path embeddedAuth, Path dataDir,
                            Path siteFile, Path usersFile, int retentionDays, long reorderTimeoutMs, Https https) {

    /**
     * HTTPS for the wallboard and API: supervisors sign in with Basic authentication, so their passwords
     * cross the floor network only inside TLS.
     *
     * @param cert PEM certificate chain, the server's first
     * @param key  PEM private key (PKCS#8 or PKCS#1)
     */
    public record Https(Path cert, Path key) {
    }

    public static final int DEFAULT_RETENTION_DAYS = 400;
    /** Retention is deleted every 6 h: under a day would wipe the shift being worked. */
    static final int MIN_RETENTION_DAYS = 1;
    static final int MAX_RETENTION_DAYS = 3_650;
    static final long MIN_REORDER_TIMEOUT_MS = 100;
    static final long MAX_REORDER_TIMEOUT_MS = 60_000;

    /**
     * Every value checked before anything starts.
     *
     * @throws GatewayConfigException naming the option and the rule it breaks
     */
    public GatewayConfig {
        port("--http-port", httpPort);
        port("--mqtt-port", mqttPort);
        require(httpHost != null && !httpHost.isBlank(), "--http-host must not be empty");
        require(mqttHost != null && !mqttHost.isBlank(), "--mqtt-host must not be empty");
        require(dataDir != null, "--data-dir must be given");
        require(retentionDays >= MIN_RETENTION_DAYS && retentionDays <= MAX_RETENTION_DAYS,
                "--retention-days must be " + MIN_RETENTION_DAYS + "-" + MAX_RETENTION_DAYS + " (was " + retentionDays
                        + "): older events and audit lines are deleted every 6 h");
        require(reorderTimeoutMs >= MIN_REORDER_TIMEOUT_MS && reorderTimeoutMs <= MAX_REORDER_TIMEOUT_MS,
                "--reorder-timeout-ms must be " + MIN_REORDER_TIMEOUT_MS + "-" + MAX_REORDER_TIMEOUT_MS + " (was "
                        + reorderTimeoutMs + ")");
        require(brokerUrl == null || embeddedAuth == null,
                "--embedded-auth is for the embedded broker: with --broker, the broker checks logins itself");
        require(brokerUrl == null || brokerUrl.matches("(tcp|ssl)://[^/\\s]+:\\d+"),
                "--broker must look like tcp://HOST:PORT or ssl://HOST:PORT (was '" + brokerUrl + "')");
        require(tlsCaFile == null || brokerUrl != null, "--tls-ca-file is for an ssl:// --broker");
        require(password == null || username != null, "a broker password needs --username");
    }

    private static void port(String option, int port) {
        require(port >= 0 && port <= 65_535, option + " must be 0-65535 (was " + port + ")");
    }

    private static void require(boolean rule, String otherwise) {
        if (!rule) {
            throw new GatewayConfigException(otherwise);
        }
    }

    public boolean embeddedBroker() {
        return brokerUrl == null;
    }

    /** The defaults, with the embedded broker and the demo seat map. */
    public static GatewayConfig defaults() {
        return new GatewayConfig("127.0.0.1", 8080, null, "127.0.0.1", 1883, null, null, null, null, Path.of("data", "gateway"),
                null, null, DEFAULT_RETENTION_DAYS, Reorderer.DEFAULT_TIMEOUT_MS, null);
    }

    /** The same configuration on other ports and directories (tests, the demo). */
    public GatewayConfig with(int newHttpPort, String newBrokerUrl, int newMqttPort, Path newDataDir) {
        return new GatewayConfig(httpHost, newHttpPort, newBrokerUrl, mqttHost, newMqttPort, username, password,
                tlsCaFile, embeddedAuth, newDataDir, siteFile, usersFile, retentionDays, reorderTimeoutMs, https);
    }

    /** The same configuration with broker credentials and TLS trust (an external broker). */
    public GatewayConfig withLogin(String newUsername, String newPassword, Path newTlsCaFile) {
        return new GatewayConfig(httpHost, httpPort, brokerUrl, mqttHost, mqttPort, newUsername, newPassword,
                newTlsCaFile, embeddedAuth, dataDir, siteFile, usersFile, retentionDays, reorderTimeoutMs, https);
    }

    /** The same configuration with another seat map. */
    public GatewayConfig withSiteFile(Path newSiteFile) {
        return new GatewayConfig(httpHost, httpPort, brokerUrl, mqttHost, mqttPort, username, password, tlsCaFile,
                embeddedAuth, dataDir, newSiteFile, usersFile, retentionDays, reorderTimeoutMs, https);
    }

    /** The same configuration with a supervisors file for the command API. */
    public GatewayConfig withUsers(Path newUsersFile) {
        return new GatewayConfig(httpHost, httpPort, brokerUrl, mqttHost, mqttPort, username, password, tlsCaFile,
                embeddedAuth, dataDir, siteFile, newUsersFile, retentionDays, reorderTimeoutMs, https);
    }

    /** The same configuration with the embedded broker's access control on. */
    public GatewayConfig withEmbeddedAuth(Path credentialsDir) {
        return new GatewayConfig(httpHost, httpPort, brokerUrl, mqttHost, mqttPort, username, password, tlsCaFile,
                credentialsDir, dataDir, siteFile, usersFile, retentionDays, reorderTimeoutMs, https);
    }

    /** The same configuration serving HTTPS. */
    public GatewayConfig withHttps(Https newHttps) {
        return new GatewayConfig(httpHost, httpPort, brokerUrl, mqttHost, mqttPort, username, password, tlsCaFile,
                embeddedAuth, dataDir, siteFile, usersFile, retentionDays, reorderTimeoutMs, newHttps);
    }

    @Override
    public String toString() {
        return "GatewayConfig[" + (https == null ? "http=" : "https=") + httpHost + ":" + httpPort + " broker=" + (embeddedBroker()
                ? "embedded " + mqttHost + ":" + mqttPort : brokerUrl) + " user=" + username + " dataDir=" + dataDir
                + " siteFile=" + (siteFile == null ? "demo" : siteFile) + "]";
    }
}
