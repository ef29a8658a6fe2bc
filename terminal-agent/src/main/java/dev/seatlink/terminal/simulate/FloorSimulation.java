package dev.seatlink.terminal.simulate;

import dev.seatlink.link.Credentials;
import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.seat.Key;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * A floor of real terminal agents on simulated hardware in one JVM, each with its own MQTT client,
 * with a {@link Persona} pressing each seat's buttons. What the demo runs.
 */
public final class FloorSimulation implements AutoCloseable {
    static final long BOT_TICK_MS = 250;

    private final List<SimulatedSeat> seats = new ArrayList<>();
    private final ScheduledExecutorService bot = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "floor-bot");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;

    private record SimulatedSeat(String id, TerminalAgent agent, SimulatedHardware hardware, Persona persona) {
    }

    /**
     * @param template       the configuration every seat shares; each seat gets its own id and data directory
     * @param credentialsDir a directory from {@code tools/seatlink credentials}: each seat logs in with its own
     *                       {@code seats/{seat}.credentials}; null to use the template's login
     * @param seed           makes a run repeatable
     */
    public FloorSimulation(TerminalConfig template, Path credentialsDir, List<String> seatIds, Clock clock, long seed,
                           double pace) {
        this.clock = clock;
        SplittableRandom seeds = new SplittableRandom(seed);
        for (String id : seatIds) {
            TerminalConfig config = template.forSeat(id, template.dataDir().resolve(id));
            if (credentialsDir != null) {
                Credentials login = Credentials.read(credentialsDir.resolve("seats").resolve(id + ".credentials"));
                config = config.withLogin(login.username(), login.password());
            }
            SimulatedHardware hardware = new SimulatedHardware();
            TerminalAgent agent = hardware.newAgent(config, clock, Display.NONE);
            seats.add(new SimulatedSeat(id, agent, hardware, new Persona(seeds.split(), pace)));
        }
    }

    public void start() {
        seats.forEach(seat -> seat.agent().start());
        bot.scheduleAtFixedRate(this::step, BOT_TICK_MS, BOT_TICK_MS, TimeUnit.MILLISECONDS);
        Logger.info("floor simulation running {} seats", seats.size());
    }

    private void step() {
        long now = clock.millis();
        for (SimulatedSeat seat : seats) {
            try {
                seat.persona().decide(seat.agent().snapshot(), seat.agent().phoneDriven(), now).ifPresent(seat.hardware()::press);
            } catch (RuntimeException e) {
                Logger.warn("simulated seat {}: {}", seat.id(), e.getMessage());
            }
        }
    }

    /** Presses a button on one simulated seat, as a person at that seat would. */
    public void press(String seat, Key key) {
        seats.stream().filter(s -> s.id().equals(seat)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated seat " + seat))
                .hardware().press(key);
    }

    @Override
    public void close() {
        bot.shutdownNow();
        seats.parallelStream().forEach(seat -> seat.agent().close());
    }
}
