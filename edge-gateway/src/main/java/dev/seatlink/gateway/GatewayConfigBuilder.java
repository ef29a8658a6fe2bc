package dev.seatlink.gateway;

import dev.seatlink.gateway.apply.Reorderer;
import java.nio.file.Path;
import java.util.List;

/** Builds a {@link GatewayConfig} (the command line, tests), starting from the defaults; {@link #build()} checks it. */
public final class GatewayConfigBuilder {
    private String httpHost = "127.0.0.1";
    private int httpPort = 8080;
    private GatewayConfig.Https https;
    private Path usersFile;
    private String brokerUrl;
    private String mqttHost = "127.0.0.1";
    private int mqttPort = 1883;
    private String username;
    private String password;
    private Path tlsCaFile;
    private Path embeddedAuth;
    private String instance;
    private String publicUrl;
    private List<String> natsMonitor = List.of();
    private List<String> natsServers = List.of();
    private int keepAliveSeconds = GatewayConfig.DEFAULT_KEEPALIVE_S;
    private Path dataDir = Path.of("data", "gateway");
    private int retentionDays = GatewayConfig.DEFAULT_RETENTION_DAYS;
    private GatewayConfig.Central central;
    private Path siteFile;
    private GatewayConfig.Acd acd;
    private long reorderTimeoutMs = Reorderer.DEFAULT_TIMEOUT_MS;
    private int commandTimeoutS = GatewayConfig.DEFAULT_COMMAND_TIMEOUT_S;

    GatewayConfigBuilder() {
    }

    public GatewayConfigBuilder httpHost(String value) {
        httpHost = value;
        return this;
    }

    public GatewayConfigBuilder httpPort(int value) {
        httpPort = value;
        return this;
    }

    public GatewayConfigBuilder https(GatewayConfig.Https value) {
        https = value;
        return this;
    }

    public GatewayConfigBuilder usersFile(Path value) {
        usersFile = value;
        return this;
    }

    public GatewayConfigBuilder brokerUrl(String value) {
        brokerUrl = value;
        return this;
    }

    public GatewayConfigBuilder mqttHost(String value) {
        mqttHost = value;
        return this;
    }

    public GatewayConfigBuilder mqttPort(int value) {
        mqttPort = value;
        return this;
    }

    public GatewayConfigBuilder login(String newUsername, String newPassword) {
        username = newUsername;
        password = newPassword;
        return this;
    }

    public GatewayConfigBuilder tlsCaFile(Path value) {
        tlsCaFile = value;
        return this;
    }

    public GatewayConfigBuilder instance(String value) {
        instance = value;
        return this;
    }

    public GatewayConfigBuilder keepAliveSeconds(int value) {
        keepAliveSeconds = value;
        return this;
    }

    public GatewayConfigBuilder natsServers(List<String> value) {
        natsServers = value;
        return this;
    }

    public GatewayConfigBuilder natsMonitor(List<String> value) {
        natsMonitor = value;
        return this;
    }

    public GatewayConfigBuilder publicUrl(String value) {
        publicUrl = value;
        return this;
    }

    public GatewayConfigBuilder embeddedAuth(Path value) {
        embeddedAuth = value;
        return this;
    }

    public GatewayConfigBuilder dataDir(Path value) {
        dataDir = value;
        return this;
    }

    public GatewayConfigBuilder central(GatewayConfig.Central value) {
        central = value;
        return this;
    }

    public GatewayConfigBuilder retentionDays(int value) {
        retentionDays = value;
        return this;
    }

    public GatewayConfigBuilder siteFile(Path value) {
        siteFile = value;
        return this;
    }

    public GatewayConfigBuilder acd(GatewayConfig.Acd value) {
        acd = value;
        return this;
    }

    public GatewayConfigBuilder reorderTimeoutMs(long value) {
        reorderTimeoutMs = value;
        return this;
    }

    public GatewayConfigBuilder commandTimeoutS(int value) {
        commandTimeoutS = value;
        return this;
    }

    /** A builder holding {@code config}'s values. */
    static GatewayConfigBuilder from(GatewayConfig config) {
        GatewayConfigBuilder b = new GatewayConfigBuilder();
        b.httpHost = config.http().host();
        b.httpPort = config.http().port();
        b.https = config.http().https();
        b.usersFile = config.http().usersFile();
        b.brokerUrl = config.link().brokerUrl();
        b.mqttHost = config.link().mqttHost();
        b.mqttPort = config.link().mqttPort();
        b.username = config.link().username();
        b.password = config.link().password();
        b.tlsCaFile = config.link().tlsCaFile();
        b.embeddedAuth = config.link().embeddedAuth();
        b.instance = config.link().instance();
        b.publicUrl = config.link().publicUrl();
        b.natsMonitor = config.link().natsMonitor();
        b.natsServers = config.link().natsServers();
        b.keepAliveSeconds = config.link().keepAliveSeconds();
        b.dataDir = config.store().dataDir();
        b.retentionDays = config.store().retentionDays();
        b.central = config.store().central();
        b.siteFile = config.floor().siteFile();
        b.reorderTimeoutMs = config.floor().reorderTimeoutMs();
        b.commandTimeoutS = config.floor().commandTimeoutS();
        b.acd = config.floor().acd();
        return b;
    }

    /** @throws GatewayConfigException naming the first option that breaks its rule */
    public GatewayConfig build() {
        return new GatewayConfig(new GatewayConfig.Http(httpHost, httpPort, https, usersFile),
                new GatewayConfig.Link(brokerUrl, mqttHost, mqttPort, username, password, tlsCaFile, embeddedAuth,
                        instance, publicUrl, natsMonitor, natsServers, keepAliveSeconds),
                new GatewayConfig.Store(dataDir, retentionDays, central), new GatewayConfig.Floor(siteFile, reorderTimeoutMs,
                        commandTimeoutS, acd));
    }
}
