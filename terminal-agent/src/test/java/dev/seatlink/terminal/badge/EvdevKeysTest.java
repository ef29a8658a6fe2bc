package dev.seatlink.terminal.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvdevKeysTest {
    private static final int EV_SYN = 0;
    private static final int EV_MSC = 4;

    /** One input_event as the kernel writes it: timestamp, type, code, value. */
    private static byte[] event(int size, int type, int code, int value) {
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
        out.position(size - 8);
        out.putShort((short) type).putShort((short) code).putInt(value);
        return out.array();
    }

    /** Presses and releases of {@code codes}, each followed by a sync, as a keyboard-wedge reader types them. */
    private static List<byte[]> typing(int size, int... codes) {
        List<byte[]> events = new ArrayList<>();
        for (int code : codes) {
            events.add(event(size, EV_MSC, 4, 0x7001e));
            events.add(event(size, EvdevKeys.EV_KEY, code, 1));
            events.add(event(size, EV_SYN, 0, 0));
            events.add(event(size, EvdevKeys.EV_KEY, code, 0));
            events.add(event(size, EV_SYN, 0, 0));
        }
        return events;
    }

    private static List<String> badges(EvdevKeys keys, List<byte[]> events) {
        List<String> read = new ArrayList<>();
        events.forEach(e -> keys.feed(e).ifPresent(read::add));
        return read;
    }

    @Test
    void digitsThenEnterAreOneBadgeOnA64BitKernel() {
        EvdevKeys keys = new EvdevKeys(EvdevKeys.EVENT_BYTES_64);
        // 0 0 4 2 7 1 Enter, then 9 keypad-Enter
        assertThat(badges(keys, typing(24, 11, 11, 5, 3, 8, 2, EvdevKeys.KEY_ENTER, 10, EvdevKeys.KEY_KPENTER)))
                .containsExactly("004271", "9");
    }

    @Test
    void lettersFollowShiftAndAThirtyTwoBitKernelsEventsAreShorter() {
        EvdevKeys keys = new EvdevKeys(EvdevKeys.EVENT_BYTES_32);
        List<byte[]> events = new ArrayList<>();
        events.add(event(16, EvdevKeys.EV_KEY, EvdevKeys.KEY_LEFTSHIFT, 1));
        events.addAll(typing(16, 48)); // B
        events.add(event(16, EvdevKeys.EV_KEY, EvdevKeys.KEY_LEFTSHIFT, 0));
        events.addAll(typing(16, 30, 2, EvdevKeys.KEY_ENTER)); // a 1
        assertThat(badges(keys, events)).containsExactly("Ba1");
    }

    @Test
    void aStuckKeyIsNoBadgeAndEnterAloneIsNothing() {
        EvdevKeys keys = new EvdevKeys(EvdevKeys.EVENT_BYTES_64);
        int[] stuck = new int[EvdevKeys.MAX_LENGTH + 2];
        java.util.Arrays.fill(stuck, 2);
        stuck[stuck.length - 1] = EvdevKeys.KEY_ENTER;
        assertThat(badges(keys, typing(24, stuck))).isEmpty();
        assertThat(badges(keys, typing(24, EvdevKeys.KEY_ENTER))).isEmpty();
        assertThat(keys.feed(event(24, EvdevKeys.EV_KEY, 2, 2))).as("auto-repeat").isEqualTo(Optional.empty());
        assertThat(badges(keys, typing(24, 3, EvdevKeys.KEY_ENTER))).containsExactly("2");
    }
}
