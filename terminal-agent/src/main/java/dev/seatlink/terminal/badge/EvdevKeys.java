package dev.seatlink.terminal.badge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * What a USB keyboard-wedge badge reader types, from Linux input events ({@code struct input_event} as read from
 * {@code /dev/input/eventN}: a timestamp, then type, code and value): key presses of digits and letters make up the
 * badge's number, Enter ends it. Key releases, repeats and other events are skipped; a number longer than
 * {@value #MAX_LENGTH} characters is dropped whole (a stuck key, not a badge). Pure.
 */
public final class EvdevKeys {
    public static final int MAX_LENGTH = 64;
    /** The event's size: a 64-bit kernel's timestamp is two 8-byte fields; a 32-bit one's two 4-byte fields. */
    public static final int EVENT_BYTES_64 = 24;
    public static final int EVENT_BYTES_32 = 16;
    static final int EV_KEY = 1;
    static final int KEY_ENTER = 28;
    static final int KEY_KPENTER = 96;
    static final int KEY_LEFTSHIFT = 42;
    static final int KEY_RIGHTSHIFT = 54;
    /** Key codes (linux/input-event-codes.h) to what they type, unshifted; 0 for none. */
    private static final char[] TYPED = new char[128];

    static {
        String digits = "1234567890";
        for (int i = 0; i < digits.length(); i++) {
            TYPED[2 + i] = digits.charAt(i); // KEY_1 = 2 ... KEY_0 = 11
        }
        row(16, "qwertyuiop");
        row(30, "asdfghjkl");
        row(44, "zxcvbnm");
        TYPED[12] = '-';
        int[] keypad = {82, 79, 80, 81, 75, 76, 77, 71, 72, 73}; // KEY_KP0 ... KEY_KP9
        for (int d = 0; d < keypad.length; d++) {
            TYPED[keypad[d]] = (char) ('0' + d);
        }
    }

    private static void row(int first, String keys) {
        for (int i = 0; i < keys.length(); i++) {
            TYPED[first + i] = keys.charAt(i);
        }
    }

    private final int eventBytes;
    private final StringBuilder typed = new StringBuilder();
    private boolean shift;
    private boolean overflow;

    public EvdevKeys(int eventBytes) {
        if (eventBytes != EVENT_BYTES_64 && eventBytes != EVENT_BYTES_32) {
            throw new IllegalArgumentException("an input event is 16 or 24 bytes, not " + eventBytes);
        }
        this.eventBytes = eventBytes;
    }

    /** The size of this JVM's kernel's events (a 32-bit JVM runs on a 32-bit userland). */
    public static int nativeEventBytes() {
        return "32".equals(System.getProperty("sun.arch.data.model")) ? EVENT_BYTES_32 : EVENT_BYTES_64;
    }

    public int eventBytes() {
        return eventBytes;
    }

    /** One event of {@link #eventBytes()} bytes; a badge's number once its Enter comes. */
    public Optional<String> feed(byte[] event) {
        ByteBuffer in = ByteBuffer.wrap(event).order(ByteOrder.nativeOrder());
        int type = Short.toUnsignedInt(in.getShort(eventBytes - 8));
        int code = Short.toUnsignedInt(in.getShort(eventBytes - 6));
        int value = in.getInt(eventBytes - 4);
        if (type != EV_KEY) {
            return Optional.empty();
        }
        if (code == KEY_LEFTSHIFT || code == KEY_RIGHTSHIFT) {
            shift = value != 0;
            return Optional.empty();
        }
        if (value != 1) { // 0 released, 2 auto-repeat
            return Optional.empty();
        }
        if (code == KEY_ENTER || code == KEY_KPENTER) {
            String number = overflow || typed.isEmpty() ? null : typed.toString();
            typed.setLength(0);
            overflow = false;
            return Optional.ofNullable(number);
        }
        char c = code < TYPED.length ? TYPED[code] : 0;
        if (c != 0) {
            if (typed.length() >= MAX_LENGTH) {
                overflow = true;
            } else {
                typed.append(shift ? Character.toUpperCase(c) : c);
            }
        }
        return Optional.empty();
    }
}
