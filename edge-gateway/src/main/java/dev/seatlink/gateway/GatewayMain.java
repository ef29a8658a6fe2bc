package dev.seatlink.gateway;

import dev.seatlink.gateway.access.CredentialsCommand;
import dev.seatlink.gateway.acd.sim.PhoneSimCommand;
import dev.seatlink.gateway.agents.AgentsCommand;
import dev.seatlink.gateway.roster.RosterCommand;
import dev.seatlink.gateway.access.SupervisorsCommand;
import dev.seatlink.gateway.fleet.FleetCommand;
import dev.seatlink.gateway.site.SiteConfigException;
import dev.seatlink.link.Credentials;
import dev.seatlink.link.VertxLogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tinylog.jul.JulTinylogBridge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code edge-gateway.jar}: one floor's gateway. */
@Command(name = "gateway", mixinStandardHelpOptions = true, versionProvider = GatewayMain.Version.class,
        subcommands = {CredentialsCommand.class, SupervisorsCommand.class, FleetCommand.class,
                PhoneSimCommand.class, AgentsCommand.class, RosterCommand.class},
        description = "Runs a floor gateway: embedded MQTT broker (unless --broker), floor model, wallboard and API.")
public final class GatewayMain implements Callable<Integer> {
    static final int EXIT_CONFIG = 2;
    static final int EXIT_START = 3;

    private final GatewayConfig defaults = GatewayConfig.defaults();

    @Option(names = "--http-host", description = "HTTP listen address (default 127.0.0.1; 0.0.0.0 for floor TVs)")
    String httpHost = defaults.http().host();

    @Option(names = "--http-port", description = "HTTP port (default 8080; 0 = any free port)")
    int httpPort = defaults.http().port();

    @Option(names = "--https-cert", paramLabel = "FILE",
            description = "serve HTTPS with this PEM certificate (chain); needs --https-key")
    Path httpsCert;

    @Option(names = "--https-key", paramLabel = "FILE", description = "the PEM private key for --https-cert")
    Path httpsKey;

    @Option(names = "--broker", paramLabel = "URL", description = "use this MQTT broker instead of the embedded one")
    String broker;

    @Option(names = "--mqtt-host", description = "embedded broker listen address (default 127.0.0.1)")
    String mqttHost = defaults.link().mqttHost();

    @Option(names = "--mqtt-port", description = "embedded broker port (default 1883)")
    int mqttPort = defaults.link().mqttPort();

    @Option(names = "--username", description = "username for --broker")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = {"file holding the password for --broker,",
            "or a credentials file (username=, password= lines) such as gateway.credentials"})
    Path passwordFile;

    @Option(names = "--tls-ca-file", paramLabel = "FILE", description = "PEM CA to trust for an ssl:// --broker")
    Path tlsCaFile;

    @Option(names = "--instance", paramLabel = "a|b",
            description = "one of the floor's pair of gateways on a cluster (one primary at a time); needs --broker")
    String instance;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "where supervisors reach this wallboard (told to the other gateway and the centre view)")
    String publicUrl;

    @Option(names = "--nats-monitor", paramLabel = "URL[,URL…]", split = ",",
            description = "the NATS nodes' monitoring URLs (http://HOST:8222): JetStream storage, session backlogs and "
                    + "leftover seat sessions in /metrics and the fleet view")
    java.util.List<String> natsMonitor;

    @Option(names = "--nats", paramLabel = "URL[,URL…]", split = ",",
            description = "the NATS nodes' client URLs (nats://HOST:4222): where a pair on a cluster keeps its lease, "
                    + "with --username/--password; required with --instance on several --broker nodes")
    java.util.List<String> natsServers;

    @Option(names = "--keepalive-seconds", paramLabel = "S",
            description = "the broker link's MQTT keepalive, 2-300 (default 10): its Last Will goes out after 1.5 x this "
                    + "of silence")
    int keepAliveSeconds = defaults.link().keepAliveSeconds();

    @Option(names = "--central-store", paramLabel = "URL",
            description = "copy stored events to the centre's PostgreSQL (jdbc:postgresql://HOST:PORT/DATABASE)")
    String centralStore;

    @Option(names = "--central-store-user", description = "login for --central-store")
    String centralUser;

    @Option(names = "--central-store-password-file", paramLabel = "FILE",
            description = "file holding the password for --central-store")
    Path centralPasswordFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the gateway keeps its files (default ./data/gateway)")
    Path dataDir = defaults.store().dataDir();

    @Option(names = {"--site-config", "--seat-map"}, paramLabel = "FILE",
            description = "site config JSON: seats, teams, reasons, thresholds, shifts (default: the demo floor hq/f1)")
    Path siteFile;

    @Option(names = "--embedded-auth", paramLabel = "DIR",
            description = "credentials directory (tools/seatlink credentials): the embedded broker enforces its logins and ACL")
    Path embeddedAuth;

    @Option(names = "--users-file", paramLabel = "FILE",
            description = "supervisors who may send commands (tools/seatlink credentials --supervisor NAME)")
    Path usersFile;

    @Option(names = "--ami", paramLabel = "HOST:PORT",
            description = "an Asterisk/FreePBX manager interface: its queue events drive the seats, the seats keep "
                    + "its queue pauses (needs --ami-credentials)")
    String ami;

    @Option(names = "--ami-credentials", paramLabel = "FILE",
            description = "username=… and password=… of the AMI user (keep it at mode 600; never logged)")
    Path amiCredentials;

    @Option(names = "--retention-days", description = "delete stored events older than this (default 400)")
    int retentionDays = defaults.store().retentionDays();

    @Option(names = "--reorder-timeout-ms", description = "wait this long for a missing event before replay (default 2000)")
    long reorderTimeoutMs = defaults.floor().reorderTimeoutMs();

    @Option(names = "--command-timeout-seconds",
            description = "report a supervisor's command unanswered after this long (default 10)")
    int commandTimeoutS = defaults.floor().commandTimeoutS();

    /** A password file's content (trimmed), or null when none is given. */
    private static String readSecret(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new GatewayConfigException(file + ": cannot read the password file: " + e.getMessage());
        }
    }

    /** The AMI's address and login, or null without {@code --ami}; a credentials file others may read is refused. */
    private GatewayConfig.Acd amiSettings() {
        if (ami == null) {
            if (amiCredentials != null) {
                throw new GatewayConfigException("--ami-credentials goes with --ami HOST:PORT");
            }
            return null;
        }
        if (amiCredentials == null) {
            throw new GatewayConfigException("--ami needs --ami-credentials FILE (username=… password=…)");
        }
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(amiCredentials);
            if (mode.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                    || mode.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
                throw new GatewayConfigException(amiCredentials + ": others may read the AMI password; chmod 600 it");
            }
            Credentials login = Credentials.parse(Files.readString(amiCredentials, StandardCharsets.UTF_8))
                    .orElseThrow(() -> new GatewayConfigException(amiCredentials
                            + ": --ami-credentials needs username=… and password=… lines"));
            return GatewayConfig.Acd.parse(ami, login.username(), login.password());
        } catch (IOException e) {
            throw new GatewayConfigException(amiCredentials + ": cannot read the AMI credentials: " + e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw new GatewayConfigException(amiCredentials + ": cannot check who may read it on this file system");
        }
    }

    public static void main(String[] args) {
        VertxLogs.install();
        JulTinylogBridge.activate();
        System.exit(commandLine().execute(args));
    }

    /** The command line, with one-line errors for bad configuration and failed starts. */
    public static CommandLine commandLine() {
        return new CommandLine(new GatewayMain()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof SiteConfigException || e instanceof UncheckedIOException || e instanceof GatewayStartException
                    || e instanceof IllegalArgumentException) {
                // named as run: "gateway: …", "gateway fleet: …"
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(e));
                return e instanceof SiteConfigException || e instanceof GatewayConfigException ? EXIT_CONFIG : EXIT_START;
            }
            throw e;
        });
    }

    /**
     * What went wrong, in words: an UncheckedIOException made of its cause alone says the cause's class name first
     * ("java.io.IOException: cannot start …"), which is only worth keeping when the class says something.
     */
    static String oneLine(Exception e) {
        if (e instanceof UncheckedIOException unchecked
                && unchecked.getCause().toString().equals(e.getMessage())) {
            IOException cause = unchecked.getCause();
            return cause.getClass() == IOException.class ? cause.getMessage()
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return e.getMessage();
    }

    @Override
    public Integer call() throws InterruptedException {
        String password = null;
        if (passwordFile != null) {
            try {
                String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
                Optional<Credentials> login = Credentials.parse(text);
                password = login.map(Credentials::password).orElse(text.trim());
                if (login.isPresent() && username == null) {
                    username = login.get().username();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(passwordFile + ": cannot read password file: " + e.getMessage(), e);
            }
        }
        if ((httpsCert == null) != (httpsKey == null)) {
            throw new GatewayConfigException("--https-cert and --https-key go together");
        }
        for (Path file : new Path[] {httpsCert, httpsKey}) {
            if (file != null && !Files.isReadable(file)) {
                throw new GatewayConfigException(file + ": cannot read the HTTPS certificate or key");
            }
        }
        GatewayConfig config = GatewayConfig.builder().httpHost(httpHost).httpPort(httpPort)
                .https(httpsCert == null ? null : new GatewayConfig.Https(httpsCert, httpsKey)).usersFile(usersFile)
                .brokerUrl(broker).mqttHost(mqttHost).mqttPort(mqttPort).login(username, password).tlsCaFile(tlsCaFile)
                .embeddedAuth(embeddedAuth).instance(instance).publicUrl(publicUrl).natsMonitor(natsMonitor)
                .natsServers(natsServers).keepAliveSeconds(keepAliveSeconds).dataDir(dataDir)
                .retentionDays(retentionDays).siteFile(siteFile).central(centralStore == null ? null
                        : new GatewayConfig.Central(centralStore, centralUser, readSecret(centralPasswordFile)))
                .reorderTimeoutMs(reorderTimeoutMs).commandTimeoutS(commandTimeoutS).acd(amiSettings())
                .build();
        Gateway gateway = Gateway.start(config);
        System.out.println("SeatLink gateway for " + gateway.site().site() + "/" + gateway.site().floor()
                + " - wallboard: " + gateway.wallboardUrl() + "  (MQTT: " + gateway.brokerUrl() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = GatewayMain.class.getPackage().getImplementationVersion();
            return new String[] {"SeatLink gateway " + (version == null ? "dev" : version)};
        }
    }
}
