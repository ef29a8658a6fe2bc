package dev.seatlink.terminal.display;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The 5x7 pixel font of printable ASCII drawn for SeatLink ({@code display/font5x7.txt}). A glyph
 * is five column bytes, bit 0 at the top, as the SSD1306 lays out its pages.
 */
public final class Font5x7 {
    public static final int WIDTH = 5;
    public static final int HEIGHT = 7;
    static final String RESOURCE = "/display/font5x7.txt";

    private final byte[][] glyphs = new byte[128][];

    public Font5x7() {
        try (InputStream in = Font5x7.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            read(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        for (int c = 0x20; c < 0x7f; c++) {
            if (glyphs[c] == null) {
                throw new IllegalStateException(RESOURCE + " has no glyph for 0x" + Integer.toHexString(c));
            }
        }
    }

    private void read(BufferedReader reader) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty() || line.startsWith("# ")) {
                continue;
            }
            int code = Integer.parseInt(line.substring(0, 2), 16);
            byte[] columns = new byte[WIDTH];
            for (int row = 0; row < HEIGHT; row++) {
                String pixels = reader.readLine();
                for (int x = 0; x < WIDTH; x++) {
                    if (pixels.charAt(x) == '#') {
                        columns[x] |= (byte) (1 << row);
                    }
                }
            }
            glyphs[code] = columns;
        }
    }

    /** The five columns of {@code c}; anything outside printable ASCII draws as '?'. */
    public byte[] glyph(char c) {
        return c >= 0x20 && c < 0x7f ? glyphs[c] : glyphs['?'];
    }
}
