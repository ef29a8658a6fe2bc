package dev.seatlink.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's PostgreSQL 15 for a test, on 127.0.0.1 and a free port, in a folder of its own; stopped and
 * started again at will (a centre store that goes down). {@code initdb} refuses root, so as root the server
 * runs as the {@code postgres} user. Trust authentication, no fsync: a throwaway database.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "seatlink";
    private static final Path BIN = Path.of(System.getenv().getOrDefault("PG_BIN", "/usr/lib/postgresql/15/bin"));

    private final Path dir;
    private final int port;

    private PostgresServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(BIN.resolve("initdb"));
    }

    public static PostgresServer start() {
        if (!installed()) {
            throw new IllegalStateException("PostgreSQL 15 is not installed in " + BIN + " (apt-get install postgresql)");
        }
        try {
            Path dir = Files.createTempDirectory("seatlink-pg");
            if (asRoot()) {
                run(List.of("chown", "postgres", dir.toString()));
            }
            PostgresServer server = new PostgresServer(dir, FreePorts.next());
            run(server.asServerUser(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                    "-U", USER, "--no-sync"));
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JDBC URL of the {@code postgres} database. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** {@code pg_ctl stop -m fast}: clients are cut off at once. */
    public void stop() {
        run(asServerUser(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
    }

    public void startAgain() {
        run(asServerUser(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l",
                dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off", "start"));
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            // already stopped
        }
        run(List.of("rm", "-rf", dir.toString()));
    }

    private List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
