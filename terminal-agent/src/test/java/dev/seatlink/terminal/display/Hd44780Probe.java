package dev.seatlink.terminal.display;

import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.util.List;

/** Reads a simulated seat's 16x2 LCD the way the agent sees it, for tests outside this package. */
public final class Hd44780Probe {
    private final SimulatedHardware hardware;
    private final Hd44780Emulator lcd = new Hd44780Emulator();

    public Hd44780Probe(SimulatedHardware hardware) {
        this.hardware = hardware;
    }

    /** The two lines shown now (everything written so far, decoded). */
    public synchronized List<String> lines() {
        lcd.feed(hardware.displayBytes());
        return lcd.lines(16, 2);
    }
}
