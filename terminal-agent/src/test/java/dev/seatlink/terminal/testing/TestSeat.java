package dev.seatlink.terminal.testing;

import dev.seatlink.terminal.TerminalConfig;
import java.nio.file.Path;
import java.util.Properties;

/** The config of seat s-014 of hq/f1 that the link tests run. */
public final class TestSeat {
    private TestSeat() {
    }

    /** Seat s-014 on {@code brokers}, its files in {@code dataDir}, with {@code settings} (name, value, …) on top. */
    public static TerminalConfig config(String brokers, Path dataDir, String... settings) {
        Properties props = TerminalConfig.defaults();
        props.setProperty("seat", "s-014");
        props.setProperty("broker", brokers);
        props.setProperty("dataDir", dataDir.toString());
        for (int i = 0; i + 1 < settings.length; i += 2) {
            props.setProperty(settings[i], settings[i + 1]);
        }
        return TerminalConfig.from(props, "test");
    }
}
