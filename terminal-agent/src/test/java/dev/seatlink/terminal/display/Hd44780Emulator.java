package dev.seatlink.terminal.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the byte stream a PCF8574 backpack receives and plays it into a model of the HD44780, as
 * the real controller would: nibbles latch on EN's falling edge; the reset sequence switches to
 * 4-bit mode; commands move the address or clear; data writes characters.
 */
final class Hd44780Emulator {
    private static final int[] ROW_START = {0x00, 0x40, 0x14, 0x54};

    private final char[] ddram = new char[0x80];
    private boolean fourBit;
    private Integer highNibble;
    private int address;
    private int previous = -1;
    private boolean backlight;

    Hd44780Emulator() {
        Arrays.fill(ddram, ' ');
    }

    void feed(byte[] bytes) {
        for (byte b : bytes) {
            int port = b & 0xFF;
            if (previous >= 0 && (previous & CharacterLcd.EN) != 0 && (port & CharacterLcd.EN) == 0) {
                latch(previous);
            }
            backlight = (port & CharacterLcd.BACKLIGHT) != 0;
            previous = port;
        }
    }

    private void latch(int port) {
        int nibble = port >> 4;
        boolean data = (port & CharacterLcd.RS) != 0;
        if (!fourBit) {
            if (nibble == 0x2) {
                fourBit = true; // function set with DL = 0
            }
            return;
        }
        if (highNibble == null) {
            highNibble = nibble;
            return;
        }
        int value = (highNibble << 4) | nibble;
        highNibble = null;
        if (data) {
            ddram[address] = (char) value;
            address = (address + 1) & 0x7F;
        } else if (value == 0x01) {
            Arrays.fill(ddram, ' ');
            address = 0;
        } else if ((value & 0x80) != 0) {
            address = value & 0x7F;
        }
    }

    List<String> lines(int columns, int rows) {
        List<String> lines = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            lines.add(new String(ddram, ROW_START[row], columns));
        }
        return lines;
    }

    boolean backlight() {
        return backlight;
    }
}
