package dev.seatlink.bench;

import dev.seatlink.bench.cli.OptionRange;
import dev.seatlink.link.BrokerList;
import dev.seatlink.link.Credentials;
import dev.seatlink.simulator.FloorSimulator;
import dev.seatlink.simulator.SiteFile;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tools/seatlink simulate}: a floor of simulated seats against any broker, until Ctrl-C or --seconds. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"N simulated seats, each its own MQTT connection, publishing status, state and events as",
                "protocol v1 says (QoS 1, Last Will, per-seat seq) at R transitions per second in all.",
                "Seats are s-00001, s-00002, ...; --write-site FILE writes a matching site config for the gateway."})
public final class SimulateCommand implements Callable<Integer> {
    /** A transition every 100 s at the slowest; at the fastest one every 100 µs, more than a floor ever makes. */
    static final double MIN_RATE = 0.01;
    static final double MAX_RATE = 10_000;

    @Option(names = "--seats", defaultValue = "100", description = "how many seats (default 100)")
    int seats;

    @Option(names = "--rate", defaultValue = "10", description = "transitions per second, all seats together (default 10)")
    double rate;

    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883",
            description = "the broker, or a cluster's nodes comma-separated; tcp:// or ssl:// (default ${DEFAULT-VALUE})")
    String broker;

    @Option(names = "--ca", paramLabel = "FILE", description = "PEM CA to trust for ssl:// brokers")
    Path tlsCaFile;

    @Option(names = "--site", defaultValue = "bench", description = "site id (default bench)")
    String site;

    @Option(names = "--floor", defaultValue = "f1", description = "floor id (default f1)")
    String floor;

    @Option(names = "--seconds", description = "stop after this long (default: until Ctrl-C)")
    Integer seconds;

    @Option(names = "--first-seq", defaultValue = "1",
            description = "seq of each seat's first event; above any earlier run's (default 1)")
    long firstSeq;

    @Option(names = "--credentials", paramLabel = "DIR",
            description = "tools/seatlink credentials output: each seat logs in with its own (for a broker with an ACL)")
    Path credentials;

    @Option(names = "--write-site", paramLabel = "FILE", description = "write a site config with these seats and exit")
    Path writeSite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptionRange.require(spec, "--seats", seats, 1, FloorSimulator.Settings.MAX_SEATS);
        FloorSimulator.Settings settings;
        try {
            settings = new FloorSimulator.Settings(broker, site, floor, seats, firstSeq,
                    credentials == null ? null : seat -> login(credentials, seat), tlsCaFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        OptionRange.require(spec, "--rate", rate, MIN_RATE, MAX_RATE);
        if (seconds != null) {
            OptionRange.require(spec, "--seconds", seconds, 1, Integer.MAX_VALUE);
        }
        if (writeSite != null) {
            Files.writeString(writeSite, SiteFile.json(site, floor, seats));
            System.out.println("PASS: site config for " + seats + " simulated seats in " + writeSite);
            return 0;
        }
        try {
            BrokerList.parse(broker);
        } catch (IllegalArgumentException e) {
            System.err.println("FAIL: --broker: " + e.getMessage());
            return 2;
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        FloorSimulator simulator = new FloorSimulator(vertx, settings);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            simulator.close();
            vertx.close();
        }));
        System.out.println("connecting " + seats + " seats to " + broker + " ...");
        simulator.connectAllWithin(Duration.ofMinutes(5));
        System.out.println(simulator.connected() + " of " + seats + " seats online; " + rate + " transitions/s");
        long periodNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long lastReport = start;
        for (long n = 0; stop.getCount() > 0; n++) {
            long due = start + n * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            simulator.step();
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
                lastReport = System.nanoTime();
                System.out.printf("%d seats online, %d events sent, %d acknowledged, %d failed%n", simulator.connected(),
                        simulator.sent(), simulator.acknowledged(), simulator.failed());
            }
            if (seconds != null && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(seconds)) {
                break;
            }
        }
        System.out.printf("sent %d events from %d seats; %d failed; next run: --first-seq %d%n", simulator.sent(),
                seats, simulator.failed(), simulator.nextSeq());
        return simulator.failed() == 0 ? 0 : 1;
    }

    private static String[] login(Path dir, String seat) {
        Credentials login = Credentials.read(dir.resolve("seats").resolve(seat + ".credentials"));
        return new String[] {login.username(), login.password()};
    }
}
