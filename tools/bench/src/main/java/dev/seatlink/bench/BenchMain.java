package dev.seatlink.bench;

import dev.seatlink.bench.cli.OptionRange;
import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.apply.Reorderer;
import dev.seatlink.simulator.FloorSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine;

/** {@code tools/seatlink bench SCENARIO}: runs one bounded benchmark and prints its table. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchMain.Terminal.class, BenchMain.Wallboard.class, BenchMain.Scale.class, BenchMain.Ingest.class,
        SimulateCommand.class, BenchMain.Jmh.class, BenchMain.Latency.class, BenchMain.Fanout.class, BenchMain.Storm.class, BenchMain.CatchUp.class,
        BenchMain.Center.class, BenchMain.Cti.class, BenchMain.All.class},
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
    static final class Terminal extends ScenarioOptions implements Callable<Integer> {
        @Option(names = "--presses", defaultValue = "10000", description = "presses to time (default 10000)")
        int presses;

        @Override
        public Integer call() throws Exception {
            OptionRange.require(spec, "--presses", presses, 1, MAX_PRESSES);
            new TerminalBench(presses, dir(), root.resolve("terminal-agent/target/terminal-agent.jar"),
                    root.resolve("terminal-agent/src/main/dist/seatlink-terminal.service")).run();
            return 0;
        }
    }

    @Command(name = "wallboard", mixinStandardHelpOptions = true,
            description = "Publish -> SSE latency at many wallboards while a large floor changes state; gateway CPU and heap.")
    static final class Wallboard extends ScenarioOptions implements Callable<Integer> {
        @Option(names = "--seats", defaultValue = "2000", description = "simulated seats (default 2000)")
        int seats;

        @Option(names = "--rate", defaultValue = "200", description = "transitions per second (default 200)")
        int rate;

        @Option(names = "--clients", defaultValue = "50", description = "wallboard streams open (default 50)")
        int clients;

        @Option(names = "--seconds", defaultValue = "30", description = "measured seconds after a 5 s warm-up (default 30)")
        int seconds;

        @Override
        public Integer call() throws Exception {
            requireSeats(seats);
            OptionRange.require(spec, "--rate", rate, 1, MAX_RATE);
            OptionRange.require(spec, "--clients", clients, 1, MAX_CLIENTS);
            requireSeconds(seconds);
            new WallboardBench("wallboard", seats, rate, clients, 5, seconds, false, false, dir(), gatewayJar()).run();
            return 0;
        }
    }

    @Command(name = "scale", mixinStandardHelpOptions = true,
            description = "10,000 seats on one gateway: time to all online after a cold start, heap, RSS, /api/floor time.")
    static final class Scale extends ScenarioOptions implements Callable<Integer> {
        @Option(names = "--seats", defaultValue = "10000", description = "simulated seats (default 10000)")
        int seats;

        @Option(names = "--rate", defaultValue = "200", description = "transitions per second meanwhile (default 200)")
        int rate;

        @Override
        public Integer call() throws Exception {
            requireSeats(seats);
            OptionRange.require(spec, "--rate", rate, 1, MAX_RATE);
            new ScaleBench(seats, rate, dir(), gatewayJar()).run();
            return 0;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Events/s the gateway stores and applies, beside what mosquitto_sub receives from the same broker.")
    static final class Ingest extends ScenarioOptions implements Callable<Integer> {
        @Option(names = "--seats", defaultValue = "2000", description = "simulated seats (default 2000)")
        int seats;

        @Option(names = "--seconds", defaultValue = "20", description = "how long the seats publish (default 20)")
        int seconds;

        @Override
        public Integer call() throws Exception {
            requireSeats(seats);
            requireSeconds(seconds);
            new IngestBench(seats, seconds, dir(), gatewayJar()).run();
            return 0;
        }
    }

    @Command(name = "center", aliases = "centre", mixinStandardHelpOptions = true,
            description = {"A centre on a 3-node NATS cluster: floors x seats, two gateways per floor, the centre view.",
                    "Live ingest per gateway beside mosquitto_sub on the cluster; raised hand -> centre page,",
                    "beside the same hand -> mosquitto_sub QoS 0 on the centre's node (seat events alone, and",
                    "subscribed to all the centre subscribes to);",
                    "a primary's and a node's kill -9: recovery time, events lost or doubled."})
    static final class Center extends ScenarioOptions implements Callable<Integer> {
        @Option(names = "--floors", defaultValue = "4", description = "floors (default 4)")
        int floors;

        @Option(names = "--seats", defaultValue = "2500", description = "seats per floor (default 2500)")
        int seats;

        @Option(names = "--seconds", defaultValue = "15", description = "how long the seats publish flat out (default 15)")
        int seconds;

        @Option(names = "--reorder-timeout-ms", description = "the gateways' wait for a missing seq before they ask the "
                + "seat to replay it (default: the gateway's, 2000)")
        long reorderTimeoutMs = Reorderer.DEFAULT_TIMEOUT_MS;

        @Option(names = "--trace-seats", description = "write what every seat did on its link (connects, subscribes, "
                + "events sent and acknowledged, replays asked) to seats.trace in the run's directory")
        boolean traceSeats;

        @Override
        public Integer call() throws Exception {
            OptionRange.require(spec, "--floors", floors, 1, MAX_FLOORS);
            requireSeats(seats);
            requireSeconds(seconds);
            OptionRange.require(spec, "--reorder-timeout-ms", reorderTimeoutMs, GatewayConfig.MIN_REORDER_TIMEOUT_MS,
                    GatewayConfig.MAX_REORDER_TIMEOUT_MS);
            Path dir = dir();
            if (traceSeats) {
                SeatTraceFile.writeTo(dir.resolve(CenterBench.SEAT_TRACE));
            }
            new CenterBench(floors, seats, seconds, reorderTimeoutMs, traceSeats, dir, root).run();
            return 0;
        }
    }

    @Command(name = "cti", mixinStandardHelpOptions = true,
            description = {"Seats on a simulated Asterisk (AMI) playing queue calls: call answered at the ACD -> the seat's",
                    "call topic (its light) and -> the wallboard, p50/p99, beside the broker alone in the same run."})
    static final class Cti extends ScenarioOptions implements Callable<Integer> {
        @Option(names = "--seats", defaultValue = "2000", description = "seats on the phone system (default 2000)")
        int seats;

        @Option(names = "--calls-per-second", defaultValue = "100", description = "calls a second (default 100)")
        int rate;

        @Option(names = "--seconds", defaultValue = "30", description = "how long it is measured (default 30)")
        int seconds;

        @Override
        public Integer call() throws Exception {
            requireSeats(seats);
            OptionRange.require(spec, "--calls-per-second", rate, 1, MAX_RATE);
            requireSeconds(seconds);
            new CtiBench(seats, rate, seconds, dir(), gatewayJar()).run();
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

    /**
     * The options every scenario takes: where it works and where the checkout (and its jars) is; and the ranges of
     * their numbers, checked before a scenario starts anything.
     */
    static class ScenarioOptions {
        static final int MAX_SECONDS = 3_600;
        static final int MAX_RATE = 10_000;
        /** A gateway takes at most 250 wallboard streams from one address. */
        static final int MAX_CLIENTS = 250;
        static final int MAX_FLOORS = 10;
        static final int MAX_PRESSES = 1_000_000;
        static final int MAX_EVENTS = 10_000_000;

        @Spec
        CommandSpec spec;

        @Option(names = "--work-dir", description = "where the run keeps its files (default: a new temp directory)")
        Path work;

        @Option(names = "--root", defaultValue = "${sys:seatlink.root:-.}", description = "the SeatLink checkout")
        Path root;

        Path dir() throws java.io.IOException {
            return work != null ? work : Files.createTempDirectory("seatlink-bench-");
        }

        Path gatewayJar() {
            return root.resolve("edge-gateway/target/edge-gateway.jar");
        }

        void requireSeats(int seats) {
            OptionRange.require(spec, "--seats", seats, 1, FloorSimulator.Settings.MAX_SEATS);
        }

        void requireSeconds(int seconds) {
            OptionRange.require(spec, "--seconds", seconds, 1, MAX_SECONDS);
        }
    }

    @Command(name = "latency", mixinStandardHelpOptions = true,
            description = "2,000 seats, 200 transitions/s: publish -> stored, -> SSE, beside the broker's publish -> mosquitto_sub.")
    static final class Latency extends ScenarioOptions implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            new WallboardBench("latency", 2000, 200, 1, 5, 30, false, true, dir(), gatewayJar()).run();
            return 0;
        }
    }

    @Command(name = "fanout", mixinStandardHelpOptions = true,
            description = "200 SSE clients and one that never reads, at 2,000 seats and 200 transitions/s: CPU and lag.")
    static final class Fanout extends ScenarioOptions implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            new WallboardBench("fanout", 2000, 200, 200, 15, 60, true, false, dir(), gatewayJar()).run();
            return 0;
        }
    }

    @Command(name = "reconnect-storm", mixinStandardHelpOptions = true,
            description = "Restart the broker under 2,000 seats: time until all are back and every event is stored; nothing lost.")
    static final class Storm extends ScenarioOptions implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            new StormBench(2000, 200, dir(), gatewayJar()).run();
            return 0;
        }
    }

    @Command(name = "catch-up", mixinStandardHelpOptions = true,
            description = "A backlog queued while the gateway was down: its drain rate beside mosquitto_sub's, and its heap.")
    static final class CatchUp extends ScenarioOptions implements Callable<Integer> {
        @Option(names = "--seats", defaultValue = "24", description = "seats that queue the backlog (default 24)")
        int seats;

        @Option(names = "--events", defaultValue = "200000", description = "events queued (default 200000)")
        int events;

        @Override
        public Integer call() throws Exception {
            requireSeats(seats);
            OptionRange.require(spec, "--events", events, 1, MAX_EVENTS);
            new CatchUpBench(seats, events, dir(), gatewayJar()).run();
            return 0;
        }
    }

    @Command(name = "all", mixinStandardHelpOptions = true,
            description = "Every floor scenario in turn (ingest, latency, scale, reconnect-storm, catch-up, fanout), each printing its table.")
    static final class All extends ScenarioOptions implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            new IngestBench(2000, 20, dir(), gatewayJar()).run();
            new WallboardBench("latency", 2000, 200, 1, 5, 30, false, true, dir(), gatewayJar()).run();
            new ScaleBench(10_000, 200, dir(), gatewayJar()).run();
            new StormBench(2000, 200, dir(), gatewayJar()).run();
            new CatchUpBench(24, 200_000, dir(), gatewayJar()).run();
            new WallboardBench("fanout", 2000, 200, 200, 15, 60, true, false, dir(), gatewayJar()).run();
            System.out.printf("%nall scenarios in %.1f min%n", (System.nanoTime() - start) / 60e9);
            return 0;
        }
    }
}
