package dev.seatlink.gateway.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.apply.SeatNewsLog.Wording;
import org.junit.jupiter.api.Test;

class SeatNewsLogTest {
    private final SeatNewsLog log = new SeatNewsLog();

    @Test
    void theNewsOfATickIsOneLinePerKindNamingTheFirstSeat() {
        for (int i = 1; i <= 200; i++) {
            log.note(Wording.rebirth("sent data while not shown online"), "s-" + i);
        }
        log.note(Wording.rebirth("a replay did not fill its gap"), "s-7");
        log.note(Wording.CAME_BACK, "s-9");
        log.note(Wording.CAME_BACK, "s-3");

        assertThat(log.lines()).containsExactly(
                "asking 200 seats to republish their status and state (rebirth), the first s-1: sent data while not "
                        + "shown online",
                "asking seat s-7 to republish its status and state (rebirth): a replay did not fill its gap",
                "2 seats answered the roll call after they were shown offline, the first s-9: online again");
        assertThat(log.lines()).as("said once").isEmpty();
    }

    @Test
    void oneSeatsNewsNamesIt() {
        log.note(Wording.CAME_BACK, "s-4");

        assertThat(log.lines()).containsExactly("seat s-4 answered the roll call after it was shown offline: online again");
    }
}
