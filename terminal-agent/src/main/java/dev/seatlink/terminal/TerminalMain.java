package dev.seatlink.terminal;

import dev.seatlink.terminal.hardware.HardwareException;
import dev.seatlink.terminal.hardware.Pi4jContexts;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.simulate.ConsoleDisplay;
import dev.seatlink.terminal.simulate.FloorCommand;
import dev.seatlink.terminal.simulate.KeyboardButtons;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tinylog.jul.JulTinylogBridge;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code terminal-agent.jar}: runs one seat terminal, or with {@code floor} a simulated floor of them. */
@Command(name = "terminal", mixinStandardHelpOptions = true, versionProvider = TerminalMain.Version.class,
        subcommands = FloorCommand.class,
        description = {"Runs one seat terminal: buttons, status light, display and its MQTT link.",
                "On a laptop (hardware=simulated) the buttons are keys: " + KeyboardButtons.HELP})
public final class TerminalMain implements Callable<Integer> {
    static final int EXIT_CONFIG = 2;
    static final int EXIT_HARDWARE = 3;

    @Mixin
    CommonOptions common;

    @Option(names = "--seat", description = "this seat's id, e.g. s-005")
    String seat;

    @Option(names = "--hardware", description = "auto (default), gpio or simulated")
    String hardware;

    public static void main(String[] args) {
        JulTinylogBridge.activate();
        System.exit(commandLine().execute(args));
    }

    /** The command line with one-line errors for configuration and hardware problems. */
    public static CommandLine commandLine() {
        return new CommandLine(new TerminalMain()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof HardwareException) {
                cmd.getErr().println("terminal: " + e.getMessage());
                return e instanceof ConfigException ? EXIT_CONFIG : EXIT_HARDWARE;
            }
            throw e;
        });
    }

    @Override
    public Integer call() throws InterruptedException {
        Properties extra = new Properties();
        if (seat != null) {
            extra.setProperty("seat", seat);
        }
        if (hardware != null) {
            extra.setProperty("hardware", hardware);
        }
        TerminalConfig config = common.load(extra);
        CountDownLatch stop = new CountDownLatch(1);
        TerminalAgent agent;
        if (config.hardware().resolve() == HardwareMode.GPIO) {
            agent = new TerminalAgent(config, Clock.system(), Pi4jContexts.raspberryPi(), new ConsoleDisplay(System.out));
        } else {
            SimulatedHardware simulated = new SimulatedHardware();
            agent = new TerminalAgent(config, Clock.system(), simulated.gpio(), new ConsoleDisplay(System.out));
            Thread keyboard = new Thread(new KeyboardButtons(System.in, System.out, simulated, stop::countDown), "keyboard");
            keyboard.setDaemon(true);
            keyboard.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "shutdown"));
        agent.start();
        stop.await();
        return 0;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TerminalMain.class.getPackage().getImplementationVersion();
            return new String[] {"SeatLink terminal " + (version == null ? "dev" : version)};
        }
    }
}
