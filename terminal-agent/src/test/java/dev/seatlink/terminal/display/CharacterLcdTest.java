package dev.seatlink.terminal.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatlink.terminal.hardware.I2cDevices;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LCD driver through Pi4J's mock I2C: the bytes it writes, decoded, read as the agent would. */
class CharacterLcdTest {
    private final SimulatedHardware hardware = new SimulatedHardware();
    private final Hd44780Emulator lcd = new Hd44780Emulator();

    @AfterEach
    void shutdown() {
        hardware.gpio().context().shutdown();
    }

    private CharacterLcd panel(int columns, int rows) {
        return new CharacterLcd(I2cDevices.open(hardware.gpio(), 1, 0x27, false), columns, rows, "I2C 1/0x27");
    }

    @Test
    void showsTwoLinesOnA16x2() {
        CharacterLcd panel = panel(16, 2);

        panel.init();
        panel.show(List.of("NOT READY  12:34", "break      HELP "));
        lcd.feed(hardware.displayBytes());

        assertThat(lcd.lines(16, 2)).containsExactly("NOT READY  12:34", "break      HELP ");
        assertThat(lcd.backlight()).isTrue();
    }

    @Test
    void showsFourLinesOnA20x4() {
        CharacterLcd panel = panel(20, 4);
        List<String> lines = List.of("s-014          a1029", "BUSY                ", "00:42               ",
                "Huddle at 10:30     ");

        panel.init();
        panel.show(lines);
        lcd.feed(hardware.displayBytes());

        assertThat(lcd.lines(20, 4)).isEqualTo(lines);
    }

    @Test
    void rewritesOnlyTheRowThatChanged() {
        CharacterLcd panel = panel(16, 2);
        panel.init();
        panel.show(List.of("READY      00:01", "a1029           "));
        lcd.feed(hardware.displayBytes());

        panel.show(List.of("READY      00:02", "a1029           "));
        byte[] update = hardware.displayBytes();
        lcd.feed(update);

        // one address command and 16 characters, each two nibbles of two port writes
        assertThat(update).hasSize((1 + 16) * 4);
        assertThat(lcd.lines(16, 2)).containsExactly("READY      00:02", "a1029           ");
    }

    @Test
    void nothingIsWrittenWhenNothingChanged() {
        CharacterLcd panel = panel(16, 2);
        panel.init();
        panel.show(List.of("READY      00:01", "a1029           "));
        hardware.displayBytes();

        panel.show(List.of("READY      00:01", "a1029           "));

        assertThat(hardware.displayBytes()).isEmpty();
    }

    @Test
    void onlyTheCommonSizesAreAccepted() {
        assertThatThrownBy(() -> panel(40, 2)).hasMessageContaining("16x2 and 20x4");
    }
}
