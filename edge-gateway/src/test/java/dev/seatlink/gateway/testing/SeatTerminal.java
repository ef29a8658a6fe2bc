package dev.seatlink.gateway.testing;

import dev.seatlink.terminal.TerminalAgent;
import dev.seatlink.terminal.TerminalConfig;
import dev.seatlink.terminal.display.Display;
import dev.seatlink.terminal.seat.Clock;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.nio.file.Path;
import java.util.Properties;

/** A real terminal agent on simulated hardware for a test: its buttons and light, and the agent to close. */
public record SeatTerminal(TerminalAgent agent, SimulatedHardware hardware) implements AutoCloseable {

    /** Starts seat {@code seat} against {@code brokers} (one URL or a list), keeping its files in {@code dataDir}. */
    public static SeatTerminal start(String brokers, String seat, Path dataDir) {
        return start(brokers, seat, dataDir, Display.NONE);
    }

    /** As {@link #start(String, String, Path)}, showing its screens on {@code display}. */
    public static SeatTerminal start(String brokers, String seat, Path dataDir, Display display) {
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", seat);
        props.setProperty("broker", brokers);
        props.setProperty("hardware", "simulated");
        props.setProperty("dataDir", dataDir.toString());
        SimulatedHardware hardware = new SimulatedHardware();
        TerminalAgent agent = hardware.newAgent(TerminalConfig.from(props, "test"), Clock.system(), display);
        agent.start();
        return new SeatTerminal(agent, hardware);
    }

    @Override
    public void close() {
        agent.close();
    }
}
