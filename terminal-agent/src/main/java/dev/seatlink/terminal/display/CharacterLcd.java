package dev.seatlink.terminal.display;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * An HD44780 character LCD (16x2 or 20x4) behind a PCF8574 I2C backpack, the cheapest common part.
 * The backpack's eight outputs drive the LCD in 4-bit mode: P0 = RS, P1 = RW, P2 = EN, P3 = backlight,
 * P4–P7 = D4–D7. Every nibble is written with EN high and then low; the LCD latches it on the falling
 * edge. A row that did not change is not written again.
 */
public final class CharacterLcd implements TextPanel {
    static final int RS = 0x01;
    static final int EN = 0x04;
    static final int BACKLIGHT = 0x08;
    private static final int[] ROW_START = {0x00, 0x40, 0x14, 0x54};

    private final I2cLink link;
    private final int columns;
    private final int rows;
    private final String where;
    private String[] shown;

    public CharacterLcd(I2cLink link, int columns, int rows, String where) {
        if (!(columns == 16 && rows == 2) && !(columns == 20 && rows == 4)) {
            throw new IllegalArgumentException("supported LCDs are 16x2 and 20x4, not " + columns + "x" + rows);
        }
        this.link = link;
        this.columns = columns;
        this.rows = rows;
        this.where = where;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public String describe() {
        return "LCD " + columns + "x" + rows + " at " + where;
    }

    @Override
    public void init() {
        shown = new String[rows];
        // Power-on reset by instruction: three times "8-bit", then "4-bit" (HD44780 datasheet, figure 24).
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        nibble(out, 0x3, 0);
        nibble(out, 0x3, 0);
        nibble(out, 0x3, 0);
        nibble(out, 0x2, 0);
        command(out, 0x28); // 4-bit, 2 lines, 5x8 font
        command(out, 0x08); // display off
        command(out, 0x01); // clear
        command(out, 0x06); // entry mode: increment, no shift
        command(out, 0x0C); // display on, cursor off, blink off
        link.write(out.toByteArray());
        pause(); // "clear" takes 1.52 ms
    }

    @Override
    public void show(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int row = 0; row < rows; row++) {
            String line = lines.get(row);
            if (line.equals(shown[row])) {
                continue;
            }
            command(out, 0x80 | ROW_START[row]);
            for (int i = 0; i < columns; i++) {
                write(out, line.charAt(i), RS);
            }
        }
        if (out.size() > 0) {
            link.write(out.toByteArray());
            shown = lines.toArray(String[]::new);
        }
    }

    private static void command(ByteArrayOutputStream out, int value) {
        write(out, value, 0);
    }

    private static void write(ByteArrayOutputStream out, int value, int mode) {
        nibble(out, (value >> 4) & 0x0F, mode);
        nibble(out, value & 0x0F, mode);
    }

    private static void nibble(ByteArrayOutputStream out, int nibble, int mode) {
        int port = (nibble << 4) | mode | BACKLIGHT;
        out.write(port | EN);
        out.write(port);
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return describe() + Arrays.toString(shown);
    }
}
