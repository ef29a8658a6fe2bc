package dev.seatlink.centre;

import dev.seatlink.centre.config.CentreConfigException;
import dev.seatlink.centre.config.CentreFile;
import dev.seatlink.centre.config.CentrePlan;
import dev.seatlink.centre.feed.CentreLink;
import dev.seatlink.centre.report.CentreReports;
import dev.seatlink.link.Credentials;
import dev.seatlink.link.VertxLogs;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tools/seatlink center}: the duty manager's view of every floor of a centre, until Ctrl-C or TERM. */
@Command(name = "center", aliases = "centre", mixinStandardHelpOptions = true,
        description = {"The centre view: every floor as a tile, centre-wide figures by business line, customer tier",
                "and skill tier, and every raised hand and alert in one queue; fed by the floors' retained",
                "summaries on the cluster. Any number may run."})
public final class CentreMain implements Callable<Integer> {
    @Option(names = "--broker", required = true, paramLabel = "LIST",
            description = "the cluster's nodes, comma-separated (tcp:// or ssl://)")
    String brokers;

    @Option(names = {"--center-config", "--centre-config"}, required = true, paramLabel = "FILE",
            description = "the centre's floors: {\"centre\": NAME, \"floors\": [{\"site\", \"floor\", \"name\"}, ...]}")
    Path centreFile;

    @Option(names = "--http-host", defaultValue = "127.0.0.1",
            description = "listen address (default 127.0.0.1; 0.0.0.0 for the duty manager's screens)")
    String httpHost;

    @Option(names = "--http-port", defaultValue = "8090", description = "HTTP port (default 8090; 0 = any free port)")
    int httpPort;

    @Option(names = "--username", description = "broker login (a read-only one is enough)")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "the broker password, or a .credentials file")
    Path passwordFile;

    @Option(names = "--tls-ca-file", paramLabel = "FILE", description = "PEM CA to trust for ssl:// brokers")
    Path tlsCaFile;

    @Option(names = "--central-store", paramLabel = "URL",
            description = "the centre-wide PostgreSQL store to report from (jdbc:postgresql://HOST:PORT/DATABASE)")
    String centralStore;

    @Option(names = "--central-store-user", description = "login for --central-store (a read-only one is enough)")
    String centralUser;

    @Option(names = "--central-store-password-file", paramLabel = "FILE", description = "its password")
    Path centralPasswordFile;

    @Option(names = "--zone", description = "the centre's time zone for daily reports (default: this machine's)")
    String zone;

    public static void main(String[] args) {
        VertxLogs.install();
        CommandLine line = new CommandLine(new CentreMain());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CentreConfigException) {
                cmd.getErr().println("center: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(line.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        char[] password = null;
        if (passwordFile != null) {
            String text = read(passwordFile);
            var login = Credentials.parse(text);
            password = login.map(Credentials::password).orElse(text.trim()).toCharArray();
            if (login.isPresent() && username == null) {
                username = login.get().username();
            }
        }
        if (centralStore != null && !centralStore.startsWith("jdbc:postgresql://")) {
            throw new CentreConfigException("--central-store must look like jdbc:postgresql://HOST:PORT/DATABASE");
        }
        CentreReports reports = centralStore == null ? null : new CentreReports(centralStore, centralUser,
                centralPasswordFile == null ? null : read(centralPasswordFile).trim());
        CentreSettings settings = new CentreSettings(brokers, centreFile, httpHost, httpPort,
                new CentreLink.Login(username, password, tlsCaFile), reports, zone());
        CentrePlan plan = CentreFile.read(centreFile);
        Vertx vertx = Vertx.vertx();
        CentreVerticle centre = new CentreVerticle(settings, plan);
        vertx.deployVerticle(centre).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("SeatLink centre view for " + plan.name() + " (" + plan.floorCount() + "): http://"
                + ("0.0.0.0".equals(httpHost) ? "127.0.0.1" : httpHost) + ":" + centre.httpPort() + "/");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    private ZoneId zone() {
        try {
            return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new CentreConfigException("--zone: '" + zone + "' is not a time zone (e.g. Europe/London)");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CentreConfigException(file + ": cannot read the password file: " + e.getMessage());
        }
    }
}
