package dev.seatlink.bench;

import dev.seatlink.bench.simulate.SimulateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code tools/seatlink bench SCENARIO}: runs one bounded benchmark and prints its table. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchMain.Terminal.class, BenchMain.Wallboard.class, BenchMain.Scale.class, BenchMain.Ingest.class,
        SimulateCommand.class, BenchMain.Jmh.class},
        description = "Runs a benchmark scenario and prints one table of figures.")
public final class BenchMain implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "terminal", mixinStandardHelpOptions = true,
            description = "Press -> light and press -> publish latency of a terminal on mock GPIO; terminal RSS.")
    static final class Terminal implements Callable<Integer> {
        @Option(names = "--presses", defaultValue = "10000", description = "presses to time (default 10000)")
        int presses;

        @Option(names = "--work-dir", description = "where the run keeps its files (default: a new temp directory)")
        Path work;

        @Option(names = "--root", defaultValue = "${sys:seatlink.root:-.}", description = "the SeatLink checkout")
        Path root;

        @Override
        public Integer call() throws Exception {
            Path dir = work != null ? work : Files.createTempDirectory("seatlink-bench-");
            new TerminalBench(presses, dir, root.resolve("terminal-agent/target/terminal-agent.jar"),
                    root.resolve("terminal-agent/src/main/dist/seatlink-terminal.service")).run();
            return 0;
        }
    }

    @Command(name = "wallboard", mixinStandardHelpOptions = true,
            description = "Publish -> SSE latency at many wallboards while a large floor changes state; gateway CPU and heap.")
    static final class Wallboard implements Callable<Integer> {
        @Option(names = "--seats", defaultValue = "2000", description = "simulated seats (default 2000)")
        int seats;

        @Option(names = "--rate", defaultValue = "200", description = "transitions per second (default 200)")
        int rate;

        @Option(names = "--clients", defaultValue = "50", description = "wallboard streams open (default 50)")
        int clients;

        @Option(names = "--seconds", defaultValue = "30", description = "measured seconds after a 5 s warm-up (default 30)")
        int seconds;

        @Option(names = "--work-dir", description = "where the run keeps its files (default: a new temp directory)")
        Path work;

        @Option(names = "--root", defaultValue = "${sys:seatlink.root:-.}", description = "the SeatLink checkout")
        Path root;

        @Override
        public Integer call() throws Exception {
            Path dir = work != null ? work : Files.createTempDirectory("seatlink-bench-");
            new WallboardBench(seats, rate, clients, seconds, dir, root.resolve("edge-gateway/target/edge-gateway.jar"))
                    .run();
            return 0;
        }
    }

    @Command(name = "scale", mixinStandardHelpOptions = true,
            description = "10,000 seats on one gateway: time to all online after a cold start, heap, RSS, /api/floor time.")
    static final class Scale implements Callable<Integer> {
        @Option(names = "--seats", defaultValue = "10000", description = "simulated seats (default 10000)")
        int seats;

        @Option(names = "--rate", defaultValue = "200", description = "transitions per second meanwhile (default 200)")
        int rate;

        @Option(names = "--work-dir", description = "where the run keeps its files (default: a new temp directory)")
        Path work;

        @Option(names = "--root", defaultValue = "${sys:seatlink.root:-.}", description = "the SeatLink checkout")
        Path root;

        @Override
        public Integer call() throws Exception {
            Path dir = work != null ? work : Files.createTempDirectory("seatlink-bench-");
            new ScaleBench(seats, rate, dir, root.resolve("edge-gateway/target/edge-gateway.jar")).run();
            return 0;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Events/s the gateway stores and applies, beside what mosquitto_sub receives from the same broker.")
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--seats", defaultValue = "2000", description = "simulated seats (default 2000)")
        int seats;

        @Option(names = "--seconds", defaultValue = "20", description = "how long the seats publish (default 20)")
        int seconds;

        @Option(names = "--work-dir", description = "where the run keeps its files (default: a new temp directory)")
        Path work;

        @Option(names = "--root", defaultValue = "${sys:seatlink.root:-.}", description = "the SeatLink checkout")
        Path root;

        @Override
        public Integer call() throws Exception {
            Path dir = work != null ? work : Files.createTempDirectory("seatlink-bench-");
            new IngestBench(seats, seconds, dir, root.resolve("edge-gateway/target/edge-gateway.jar")).run();
            return 0;
        }
    }

    @Command(name = "jmh", mixinStandardHelpOptions = true,
            description = {"JMH micro-benchmarks of the codec and FloorModel.applyEvent, with allocations per operation.",
                    "Extra arguments go to JMH (e.g. -f 1 -wi 2 -i 3)."})
    static final class Jmh implements Callable<Integer> {
        @Unmatched
        List<String> options = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            List<String> args = new ArrayList<>(options);
            args.addAll(List.of("-prof", "gc", "dev.seatlink.bench.micro"));
            org.openjdk.jmh.Main.main(args.toArray(String[]::new));
            return 0;
        }
    }
}
