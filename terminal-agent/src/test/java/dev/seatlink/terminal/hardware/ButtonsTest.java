package dev.seatlink.terminal.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import dev.seatlink.terminal.seat.Key;
import dev.seatlink.terminal.simulate.SimulatedHardware;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ButtonsTest {
    private final SimulatedHardware hardware = new SimulatedHardware();
    private final List<Key> pressed = new ArrayList<>();

    @BeforeEach
    void wireButtons() {
        var gpio = hardware.gpio();
        new Buttons(gpio.context(), gpio.inputProvider(), PinMap.DEFAULT, pressed::add);
    }

    @AfterEach
    void shutdown() {
        hardware.gpio().context().shutdown();
    }

    private MockDigitalInput pin(Key key) {
        return (MockDigitalInput) hardware.gpio().context().registry().get(Buttons.id(key), DigitalInput.class);
    }

    @Test
    void aPressIsReportedOnceAsItsKey() {
        // given a released Busy button
        pin(Key.BUSY).mockState(DigitalState.HIGH);

        // when it is pressed (pulled low) and released
        pin(Key.BUSY).mockState(DigitalState.LOW);
        pin(Key.BUSY).mockState(DigitalState.HIGH);

        // then exactly one Busy press is reported
        assertThat(pressed).containsExactly(Key.BUSY);
    }

    @Test
    void eachButtonIsItsOwnKey() {
        for (Key key : Key.values()) {
            hardware.press(key);
        }

        assertThat(pressed).containsExactly(Key.READY, Key.NOT_READY, Key.BUSY, Key.HELP);
    }

    @Test
    void buttonsSitOnTheDocumentedPins() {
        assertThat(pin(Key.READY).address()).isEqualTo(17);
        assertThat(pin(Key.NOT_READY).address()).isEqualTo(27);
        assertThat(pin(Key.BUSY).address()).isEqualTo(22);
        assertThat(pin(Key.HELP).address()).isEqualTo(23);
    }
}
