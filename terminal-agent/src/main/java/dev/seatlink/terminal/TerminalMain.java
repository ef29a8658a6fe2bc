package dev.seatlink.terminal;

import dev.seatlink.terminal.badge.BadgeReaders;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.display.DisplayKind;
import dev.seatlink.terminal.display.Displays;
import dev.seatlink.terminal.display.I2cLink;
import dev.seatlink.terminal.hardware.HardwareException;
import dev.seatlink.terminal.hardware.I2cDevices;
import dev.seatlink.terminal.hardware.SeatHardware;
import dev.seatlink.terminal.hardware.Pi4jContexts;
import dev.seatlink.terminal.seat.Clock;
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
        boolean real = config.hardware().resolve() == HardwareMode.GPIO;
        SimulatedHardware simulated = real ? null : new SimulatedHardware();
        Pi4jContexts.Gpio gpio = real ? Pi4jContexts.raspberryPi() : simulated.gpio();
        Display display = display(config, gpio, real);
        TerminalAgent agent = real ? new TerminalAgent(config, Clock.system(), gpio, display,
                BadgeReaders.onPi(config.parts().badgeReader()))
                : simulated.newAgent(config, Clock.system(), display);
        if (simulated != null) {
            Thread keyboard = new Thread(new KeyboardButtons(System.in, System.out, simulated, stop::countDown), "keyboard");
            keyboard.setDaemon(true);
            keyboard.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "shutdown"));
        agent.start();
        stop.await();
        return 0;
    }

    /** The configured display; a simulated seat also draws it on the console, as the panel would show it. */
    private static Display display(TerminalConfig config, Pi4jContexts.Gpio gpio, boolean real) {
        SeatHardware parts = config.parts();
        DisplayKind kind = parts.display();
        String where = "I2C bus " + parts.i2cBus() + " address 0x" + Integer.toHexString(parts.i2cAddress());
        I2cLink i2c = kind.resolve().usesI2c() ? I2cDevices.open(gpio, parts.i2cBus(), parts.i2cAddress(), real) : null;
        return Displays.create(kind, i2c, where, real ? null : System.out, System::currentTimeMillis);
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
