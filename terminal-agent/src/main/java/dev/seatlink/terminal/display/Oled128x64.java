package dev.seatlink.terminal.display;

import java.util.Arrays;
import java.util.List;

/**
 * A 128x64 SSD1306 OLED over I2C, used as a 21x8 text panel (6-pixel cells of the 5x7 font; one
 * 8-pixel page per text row). Each I2C write is one command with its arguments (control byte 0x00) or
 * one page of pixels (control byte 0x40) after its address window; only changed rows are sent.
 */
public final class Oled128x64 implements TextPanel {
    public static final int WIDTH = 128;
    public static final int PAGES = 8;
    static final int CELL = Font5x7.WIDTH + 1;
    static final int COMMAND = 0x00;
    static final int DATA = 0x40;

    private static final int[][] INIT = {
            {0xAE},             // display off
            {0xD5, 0x80},       // clock divide
            {0xA8, 0x3F},       // multiplex 64
            {0xD3, 0x00},       // no display offset
            {0x40},             // start line 0
            {0x8D, 0x14},       // charge pump on
            {0x20, 0x00},       // horizontal addressing
            {0xA1},             // segment remap: column 127 at the left edge
            {0xC8},             // COM scan from the bottom
            {0xDA, 0x12},       // COM pins for 64 rows
            {0x81, 0xCF},       // contrast
            {0xD9, 0xF1},       // pre-charge
            {0xDB, 0x40},       // VCOMH level
            {0xA4},             // show RAM
            {0xA6},             // not inverted
            {0xAF}};            // display on

    private final I2cLink link;
    private final Font5x7 font;
    private final String where;
    private String[] shown;

    public Oled128x64(I2cLink link, Font5x7 font, String where) {
        this.link = link;
        this.font = font;
        this.where = where;
    }

    @Override
    public int columns() {
        return WIDTH / CELL;
    }

    @Override
    public int rows() {
        return PAGES;
    }

    @Override
    public String describe() {
        return "OLED 128x64 at " + where;
    }

    @Override
    public void init() {
        shown = new String[PAGES];
        for (int[] command : INIT) {
            command(command);
        }
        String blank = " ".repeat(columns());
        show(java.util.Collections.nCopies(PAGES, blank));
    }

    @Override
    public void show(List<String> lines) {
        for (int page = 0; page < PAGES; page++) {
            String line = lines.get(page);
            if (line.equals(shown[page])) {
                continue;
            }
            command(0x21, 0, WIDTH - 1); // column window
            command(0x22, page, page);   // page window
            link.write(pixels(line));
            shown[page] = line;
        }
    }

    /** One page: the data control byte, then 128 column bytes of text. */
    private byte[] pixels(String line) {
        byte[] data = new byte[1 + WIDTH];
        data[0] = DATA;
        for (int i = 0; i < line.length() && i < columns(); i++) {
            byte[] glyph = font.glyph(line.charAt(i));
            System.arraycopy(glyph, 0, data, 1 + i * CELL, Font5x7.WIDTH);
        }
        return data;
    }

    private void command(int... bytes) {
        byte[] out = new byte[bytes.length + 1];
        out[0] = COMMAND;
        for (int i = 0; i < bytes.length; i++) {
            out[i + 1] = (byte) bytes[i];
        }
        link.write(out);
    }

    @Override
    public String toString() {
        return describe() + Arrays.toString(shown);
    }
}
