package dev.seatlink.terminal.display;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.terminal.hardware.I2cDevices;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redraw only on change, and survive a display that is unplugged and plugged back in. */
class PanelDisplayTest {
    private final SimulatedHardware hardware = new SimulatedHardware();
    private final UnpluggableLink link = new UnpluggableLink(I2cDevices.open(hardware.gpio(), 1, 0x27, false));
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final PanelDisplay display = new PanelDisplay(new CharacterLcd(link, 16, 2, "I2C 1/0x27"), now::get);
    private final Hd44780Emulator lcd = new Hd44780Emulator();

    /** An I2C link whose cable a test can pull. */
    static final class UnpluggableLink implements I2cLink {
        private final I2cLink wired;
        boolean unplugged;

        UnpluggableLink(I2cLink wired) {
            this.wired = wired;
        }

        @Override
        public void write(byte[] bytes) {
            if (unplugged) {
                throw new com.pi4j.io.exception.IOException("Remote I/O error");
            }
            wired.write(bytes);
        }
    }

    @AfterEach
    void shutdown() {
        hardware.gpio().context().shutdown();
    }

    private static Screen screen(AgentState state, long seconds) {
        return new Screen("s-1", "a1", state, null, false, seconds, null, true, true, null);
    }

    private java.util.List<String> shown() {
        lcd.feed(hardware.displayBytes());
        return lcd.lines(16, 2);
    }

    @Test
    void drawsTheLatestScreenAndNothingWhenItIsUnchanged() {
        display.show(screen(AgentState.READY, 1));
        display.show(screen(AgentState.BUSY, 2));
        display.frame();
        assertThat(shown()).containsExactly("BUSY       00:02", "a1              ");

        display.frame();

        assertThat(hardware.displayBytes()).isEmpty();
    }

    @Test
    void anUnpluggedDisplayIsRetriedAndRedrawnWholeWhenBack() {
        display.show(screen(AgentState.READY, 1));
        display.frame();
        shown();

        // when the cable is pulled, frames fail quietly and the seat goes on
        link.unplugged = true;
        display.show(screen(AgentState.BUSY, 0));
        display.frame();
        display.frame();

        // and when it is back, nothing is tried before the retry time, then it is set up and redrawn
        link.unplugged = false;
        display.frame();
        assertThat(hardware.displayBytes()).isEmpty();
        now.addAndGet(PanelDisplay.RETRY_MS);
        display.frame();

        assertThat(shown()).containsExactly("BUSY       00:00", "a1              ");
    }

    @Test
    void aDisplayMissingAtStartIsRetriedToo() {
        link.unplugged = true;
        display.show(screen(AgentState.READY, 0));
        display.frame();

        link.unplugged = false;
        now.addAndGet(PanelDisplay.RETRY_MS);
        display.frame();

        assertThat(shown()).containsExactly("READY      00:00", "a1              ");
    }
}
