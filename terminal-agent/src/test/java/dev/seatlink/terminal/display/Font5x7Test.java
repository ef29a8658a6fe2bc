package dev.seatlink.terminal.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Font5x7Test {
    private final Font5x7 font = new Font5x7();

    @Test
    void everyPrintableCharacterHasItsOwnGlyph() {
        Set<String> seen = new HashSet<>();
        for (char c = 0x20; c < 0x7f; c++) {
            assertThat(seen.add(java.util.Arrays.toString(font.glyph(c)))).as("glyph of '%s' is unique", c).isTrue();
        }
    }

    @Test
    void glyphsFitSevenRows() {
        for (char c = 0x20; c < 0x7f; c++) {
            for (byte column : font.glyph(c)) {
                assertThat(column & 0x80).isZero();
            }
        }
    }

    @Test
    void anythingElseDrawsAsAQuestionMark() {
        assertThat(font.glyph('é')).isEqualTo(font.glyph('?'));
    }
}
