package dev.seatlink.terminal.simulate;

import dev.seatlink.terminal.CommonOptions;
import dev.seatlink.terminal.ConfigException;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.seat.Clock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/** {@code terminal floor}: a floor of simulated seats, each a real terminal agent with its own MQTT client. */
@Command(name = "floor", mixinStandardHelpOptions = true,
        description = "Runs simulated terminals that behave like a real floor (the demo's seats).")
public final class FloorCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--seats", paramLabel = "LIST", description = "seats to run, e.g. s-001..s-024,s-030")
    String seats;

    @Option(names = "--seats-from", paramLabel = "URL",
            description = "take the seats from a gateway's /api/floor (asked for up to 30 s, 5 s each whole answer)")
    URI seatsFrom;

    @Option(names = "--except", paramLabel = "LIST", description = "seats not to run (left to a person), e.g. s-024")
    String except;

    @Option(names = "--pace", defaultValue = "1.0", description = "speed of the simulated agents (default 1.0)")
    double pace;

    @Option(names = "--seed", defaultValue = "42", description = "random seed, for repeatable runs")
    long seed;

    @Option(names = "--credentials-dir", paramLabel = "DIR",
            description = "each seat logs in with DIR/seats/SEAT.credentials (tools/seatlink credentials --out DIR)")
    Path credentialsDir;

    @Override
    public Integer call() throws Exception {
        Properties extra = new Properties();
        extra.setProperty("seat", "floor");
        extra.setProperty("hardware", "simulated");
        TerminalConfig template = common.load(extra);
        if (!(pace >= Persona.MIN_PACE && pace <= Persona.MAX_PACE)) {
            throw new ConfigException("--pace must be " + Persona.MIN_PACE + "-" + Persona.MAX_PACE + " (was " + pace
                    + ")");
        }
        List<String> ids;
        if (seats != null) {
            ids = seatsOf("--seats", seats);
        } else if (seatsFrom != null) {
            try {
                ids = SeatList.fromGateway(seatsFrom, Duration.ofSeconds(30));
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("--seats-from: " + e.getMessage());
            }
        } else {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "give --seats or --seats-from");
        }
        if (except != null) {
            List<String> left = seatsOf("--except", except);
            ids = ids.stream().filter(id -> !left.contains(id)).toList();
        }
        FloorSimulation floor = new FloorSimulation(template, credentialsDir, ids, Clock.system(), seed, pace);
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(floor::close, "shutdown"));
        floor.start();
        forever.await();
        return 0;
    }

    private static List<String> seatsOf(String option, String list) {
        try {
            return SeatList.parse(list);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(option + ": " + e.getMessage());
        }
    }
}
