package dev.seatlink.terminal.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeatListTest {

    @Test
    void rangesKeepPrefixAndPadding() {
        assertThat(SeatList.parse("s-001..s-003,s-010")).containsExactly("s-001", "s-002", "s-003", "s-010");
        assertThat(SeatList.parse("s-008..s-011")).containsExactly("s-008", "s-009", "s-010", "s-011");
    }

    @Test
    void badSeatsAreNamed() {
        assertThatThrownBy(() -> SeatList.parse("s-001,S 2")).hasMessage("'S 2' is not a seat id");
        assertThatThrownBy(() -> SeatList.parse("a..b")).hasMessageContaining("needs two ends");
    }
}
