package dev.seatlink.terminal.display;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.protocol.AgentState;
import org.junit.jupiter.api.Test;

class ScreenLayoutTest {
    private static Screen screen(AgentState state, String reason, boolean help, String message, boolean broker,
                                 boolean gateway, String picking) {
        return new Screen("s-014", "a1029", state, reason, help, 754, message, broker, gateway, picking);
    }

    @Test
    void twoRowsShowStateTimeAgentAndLink() {
        var lines = new ScreenLayout(16, 2).lines(screen(AgentState.READY, null, false, null, true, false, null));

        assertThat(lines).containsExactly("READY      12:34", "a1029 NO GATEWAY");
    }

    @Test
    void theReasonGetsTheSecondRowOfATwoRowPanel() {
        var lines = new ScreenLayout(16, 2).lines(screen(AgentState.NOT_READY, "training", true, null, false, true, null));

        assertThat(lines).containsExactly("NOT READY  12:34", "HELP tra NO LINK");
    }

    @Test
    void aMessageTakesTheSecondRow() {
        var lines = new ScreenLayout(16, 2).lines(screen(AgentState.BUSY, null, true, "Team huddle at 10:30", true, true,
                null));

        assertThat(lines).containsExactly("BUSY       12:34", "Team huddle at 1");
    }

    @Test
    void thePickerShowsTheReasonBeingChosen() {
        var lines = new ScreenLayout(16, 2).lines(screen(AgentState.READY, null, false, null, true, true, "lunch 2/5"));

        assertThat(lines.get(0)).isEqualTo("Reason: lunch 2/");
    }

    @Test
    void fourRowsGiveEachPieceItsLine() {
        var lines = new ScreenLayout(20, 4).lines(screen(AgentState.NOT_READY, "break", true, "Huddle now", false, true,
                null));

        assertThat(lines).containsExactly(
                "s-014          a1029",
                "NOT READY break     ",
                "12:34 HELP   NO LINK",
                "Huddle now          ");
    }

    @Test
    void theOledWrapsALongMessageOverItsSpareRows() {
        var lines = new ScreenLayout(21, 8).lines(screen(AgentState.READY, null, false,
                "Please join the team huddle in room 4 at 10:30 today", true, true, null));

        assertThat(lines).hasSize(8).allSatisfy(line -> assertThat(line).hasSize(21));
        assertThat(lines.subList(3, 6)).containsExactly(
                "Please join the team ",
                "huddle in room 4 at  ",
                "10:30 today          ");
    }

    @Test
    void onlyPrintableAsciiReachesThePanel() {
        var lines = new ScreenLayout(16, 2).lines(screen(AgentState.READY, null, false, "Café ☕", true, true, null));

        assertThat(lines.get(1)).isEqualTo("Caf? ?          ");
    }

    @Test
    void thePhoneTakesTheSecondRowOfATwoRowPanelAndItsOwnLineBelowTheTimeOnALargerOne() {
        Screen ringing = new Screen("s-014", "a1029", AgentState.READY, null, false, 754, "Huddle now", true, true, null,
                true, null, "RINGING");
        Screen held = new Screen("s-014", "a1029", AgentState.BUSY, null, false, 754, null, true, true, null, true,
                "break", "ON HOLD 00:42");

        assertThat(new ScreenLayout(16, 2).lines(held)).containsExactly("BUSY       12:34", "ON HOLD 00:42   ");
        assertThat(new ScreenLayout(20, 5).lines(ringing)).containsExactly(
                "s-014          a1029",
                "READY               ",
                "12:34               ",
                "RINGING             ",
                "Huddle now          ");
    }
}
