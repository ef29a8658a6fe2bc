package dev.seatlink.terminal.display;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.terminal.hardware.I2cDevices;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OLED driver through Pi4J's mock I2C: its pixels, read back as text in the same font. */
class Oled128x64Test {
    private final SimulatedHardware hardware = new SimulatedHardware();
    private final Font5x7 font = new Font5x7();
    private final Ssd1306Emulator oled = new Ssd1306Emulator();
    private final Oled128x64 panel = new Oled128x64(I2cDevices.open(hardware.gpio(), 1, 0x3C, false), font, "I2C 1/0x3c");

    @AfterEach
    void shutdown() {
        hardware.gpio().context().shutdown();
    }

    @Test
    void initSwitchesTheDisplayOnBlank() {
        panel.init();
        oled.feed(hardware.displayBytes());

        assertThat(oled.on()).isTrue();
        assertThat(oled.lines(font)).allSatisfy(line -> assertThat(line).isBlank());
    }

    @Test
    void showsTheSeatScreenAsText() {
        List<String> lines = new ScreenLayout(panel.columns(), panel.rows()).lines(new Screen("s-014", "a1029",
                AgentState.NOT_READY, "lunch", true, 95, "Huddle at 10:30 in room 4", true, true, null));
        panel.init();

        panel.show(lines);
        oled.feed(hardware.displayBytes());

        assertThat(oled.lines(font)).isEqualTo(lines);
        assertThat(oled.lines(font).get(1)).isEqualTo("NOT READY lunch      ");
    }

    @Test
    void redrawsOnlyChangedRows() {
        List<String> blank = java.util.Collections.nCopies(8, " ".repeat(21));
        panel.init();
        panel.show(blank);
        hardware.displayBytes();

        List<String> changed = new java.util.ArrayList<>(blank);
        changed.set(2, "01:00                ");
        panel.show(changed);
        byte[] update = hardware.displayBytes();

        // two window commands (4 bytes each) and one page of pixels (1 + 128 bytes)
        assertThat(update).hasSize(4 + 4 + 1 + Oled128x64.WIDTH);
        oled.feed(update);
        assertThat(oled.lines(font).get(2)).isEqualTo("01:00                ");
    }
}
