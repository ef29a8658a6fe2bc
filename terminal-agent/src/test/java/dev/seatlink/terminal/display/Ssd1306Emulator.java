package dev.seatlink.terminal.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the byte stream an SSD1306 receives (command and data transfers) into a model of its
 * 128x64 pixel memory, then reads the pixels back as text in the 5x7 font.
 */
final class Ssd1306Emulator {
    /** How many argument bytes follow each command the driver sends. */
    private static final Map<Integer, Integer> ARGUMENTS = Map.ofEntries(Map.entry(0x20, 1), Map.entry(0x21, 2),
            Map.entry(0x22, 2), Map.entry(0x81, 1), Map.entry(0x8D, 1), Map.entry(0xA8, 1), Map.entry(0xD3, 1),
            Map.entry(0xD5, 1), Map.entry(0xD9, 1), Map.entry(0xDA, 1), Map.entry(0xDB, 1));

    private final byte[][] pages = new byte[Oled128x64.PAGES][Oled128x64.WIDTH];
    private int columnStart;
    private int columnEnd = Oled128x64.WIDTH - 1;
    private int pageStart;
    private int pageEnd = Oled128x64.PAGES - 1;
    private boolean on;
    private int commands;

    void feed(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int control = bytes[i++] & 0xFF;
            if (control == Oled128x64.COMMAND) {
                int command = bytes[i++] & 0xFF;
                int[] args = new int[ARGUMENTS.getOrDefault(command, 0)];
                for (int a = 0; a < args.length; a++) {
                    args[a] = bytes[i++] & 0xFF;
                }
                command(command, args);
            } else if (control == Oled128x64.DATA) {
                int length = (columnEnd - columnStart + 1) * (pageEnd - pageStart + 1);
                int column = columnStart;
                int page = pageStart;
                for (int n = 0; n < length; n++) {
                    pages[page][column] = bytes[i++];
                    if (++column > columnEnd) {
                        column = columnStart;
                        page++;
                    }
                }
            } else {
                throw new AssertionError("unexpected control byte 0x" + Integer.toHexString(control) + " at " + (i - 1));
            }
        }
    }

    private void command(int command, int[] args) {
        commands++;
        switch (command) {
            case 0x21 -> {
                columnStart = args[0];
                columnEnd = args[1];
            }
            case 0x22 -> {
                pageStart = args[0];
                pageEnd = args[1];
            }
            case 0xAF -> on = true;
            case 0xAE -> on = false;
            default -> { }
        }
    }

    /** The text on each page, read cell by cell against the font ('~' where no glyph matches). */
    List<String> lines(Font5x7 font) {
        List<String> lines = new ArrayList<>();
        for (byte[] page : pages) {
            StringBuilder line = new StringBuilder();
            for (int cell = 0; cell + Font5x7.WIDTH <= Oled128x64.WIDTH; cell += Oled128x64.CELL) {
                byte[] pixels = Arrays.copyOfRange(page, cell, cell + Font5x7.WIDTH);
                line.append(glyphOf(font, pixels));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static char glyphOf(Font5x7 font, byte[] pixels) {
        for (char c = 0x20; c < 0x7f; c++) {
            if (Arrays.equals(font.glyph(c), pixels)) {
                return c;
            }
        }
        return '~';
    }

    boolean on() {
        return on;
    }

    int commandCount() {
        return commands;
    }
}
