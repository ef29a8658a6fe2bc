package dev.seatlink.gateway.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RebirthLogTest {
    private final RebirthLog log = new RebirthLog();

    @Test
    void theRebirthsOfATickAreOneLinePerReasonNamingTheFirstSeat() {
        for (int i = 1; i <= 200; i++) {
            log.asked("s-" + i, "sent data while not shown online");
        }
        log.asked("s-7", "a replay did not fill its gap");

        assertThat(log.lines()).containsExactly(
                "asking 200 seats to republish their status and state (rebirth), the first s-1: sent data while not "
                        + "shown online",
                "asking seat s-7 to republish its status and state (rebirth): a replay did not fill its gap");
        assertThat(log.lines()).as("said once").isEmpty();
    }
}
