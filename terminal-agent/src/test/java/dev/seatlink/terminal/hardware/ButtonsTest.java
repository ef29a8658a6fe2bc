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
    private final List<String> changes = new ArrayList<>();

    @BeforeEach
    void wireButtons() {
        var gpio = hardware.gpio();
        Buttons.wire(gpio.context(), gpio.inputProvider(), PinMap.DEFAULT, Buttons.DEFAULT_DEBOUNCE_MS,
                (key, down) -> changes.add(key + (down ? " down" : " up")));
    }

    @AfterEach
    void shutdown() {
        hardware.gpio().context().shutdown();
    }

    private MockDigitalInput pin(Key key) {
        return (MockDigitalInput) hardware.gpio().context().registry().get(Buttons.id(key), DigitalInput.class);
    }

    @Test
    void aPressIsReportedAsItsKeyGoingDownThenUp() {
        // given a released Busy button
        pin(Key.BUSY).mockState(DigitalState.HIGH);
        changes.clear();

        // when it is pressed (pulled low) and released
        pin(Key.BUSY).mockState(DigitalState.LOW);
        pin(Key.BUSY).mockState(DigitalState.HIGH);

        // then the key went down once and up once
        assertThat(changes).containsExactly("BUSY down", "BUSY up");
    }

    @Test
    void eachButtonIsItsOwnKey() {
        for (Key key : Key.values()) {
            hardware.press(key);
        }

        assertThat(changes).filteredOn(c -> c.endsWith("down"))
                .containsExactly("READY down", "NOT_READY down", "BUSY down", "HELP down");
    }

    @Test
    void buttonsSitOnTheDocumentedPins() {
        assertThat(pin(Key.READY).address()).isEqualTo(17);
        assertThat(pin(Key.NOT_READY).address()).isEqualTo(27);
        assertThat(pin(Key.BUSY).address()).isEqualTo(22);
        assertThat(pin(Key.HELP).address()).isEqualTo(23);
    }
}
