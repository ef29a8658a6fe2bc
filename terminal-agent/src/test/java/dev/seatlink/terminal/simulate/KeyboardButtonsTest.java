package dev.seatlink.terminal.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.terminal.hardware.Buttons;
import dev.seatlink.terminal.hardware.PinMap;
import dev.seatlink.terminal.seat.Key;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class KeyboardButtonsTest {

    @Test
    void lettersPressTheSeatsButtonsAndQQuits() {
        // given simulated buttons whose presses are recorded
        SimulatedHardware hardware = new SimulatedHardware();
        List<Key> pressed = new ArrayList<>();
        Buttons.wire(hardware.gpio().context(), hardware.gpio().inputProvider(), PinMap.DEFAULT, 1, (key, down) -> {
            if (down) {
                pressed.add(key);
            }
        });
        AtomicBoolean quit = new AtomicBoolean();
        var input = new ByteArrayInputStream("r\nN\nbh\nx\nq\nr\n".getBytes(StandardCharsets.UTF_8));
        var out = new ByteArrayOutputStream();

        // when a person types
        new KeyboardButtons(input, new PrintStream(out, true, StandardCharsets.UTF_8), hardware, () -> quit.set(true)).run();

        // then each letter was a press, an unknown letter printed the help, and q stopped reading
        assertThat(pressed).containsExactly(Key.READY, Key.NOT_READY, Key.BUSY, Key.HELP);
        assertThat(quit).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.equals(KeyboardButtons.HELP))).hasSize(2);
        hardware.gpio().context().shutdown();
    }
}
