package dev.seatlink.terminal.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seatlink.link.testing.UnansweringBroker;
import dev.seatlink.terminal.testing.StandInServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SeatListTest {

    @Test
    void rangesKeepPrefixAndPadding() {
        assertThat(SeatList.parse("s-001..s-003,s-010")).containsExactly("s-001", "s-002", "s-003", "s-010");
        assertThat(SeatList.parse("s-008..s-011")).containsExactly("s-008", "s-009", "s-010", "s-011");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aGatewayThatTakesTheConnectionAndNeverAnswersFailsTheListOnceTheWaitIsUp() throws Exception {
        try (UnansweringBroker silent = UnansweringBroker.silent()) { // a TCP server that answers nothing
            URI floor = URI.create(silent.url().replace("tcp://", "http://") + "/api/floor");

            assertThatThrownBy(() -> SeatList.fromGateway(floor, Duration.ofSeconds(1), Duration.ofMillis(300)))
                    .isInstanceOf(IOException.class).hasMessageStartingWith("cannot read seats from " + floor);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aGatewayThatStopsMidAnswerFailsTheListOnceTheWaitIsUp() throws Exception {
        try (StandInServer gateway = StandInServer.stallingAfter("{\"seats\":[")) {
            URI floor = URI.create(gateway.url() + "/api/floor");

            assertThatThrownBy(() -> SeatList.fromGateway(floor, Duration.ofSeconds(1), Duration.ofMillis(300)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot read seats from " + floor + ": no whole answer within 300 ms");
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theSeatsAreAskedForInHttp11AsABrowserAsksNotWithAnUpgradeToHttp2() throws Exception {
        try (StandInServer gateway = StandInServer.answering("{\"seats\":[{\"seat\":\"s-001\"}]}")) {
            URI floor = URI.create(gateway.url() + "/api/floor");

            assertThat(SeatList.fromGateway(floor, Duration.ofSeconds(5), Duration.ofSeconds(5)))
                    .containsExactly("s-001");
            assertThat(gateway.upgradesAsked()).isEmpty();
        }
    }

    @Test
    void badSeatsAreNamed() {
        assertThatThrownBy(() -> SeatList.parse("s-001,S 2")).hasMessage("'S 2' is not a seat id");
        assertThatThrownBy(() -> SeatList.parse("a..b")).hasMessageContaining("needs two ends");
        assertThatThrownBy(() -> SeatList.parse("s-001..s-0a2")).hasMessage("range 's-001..s-0a2' needs two ends like "
                + "s-001..s-024");
        assertThatThrownBy(() -> SeatList.parse("s-001..s-")).hasMessageContaining("needs two ends");
    }

    /**
     * Seats that cannot run side by side are refused before any starts: a range run backwards once ran no seat, a
     * seat listed twice ran two agents on one journal and one broker session, and s-001..s-999999 started agents
     * until the machine gave out.
     */
    @Test
    void seatsThatCannotRunSideBySideAreRefused() {
        assertThatThrownBy(() -> SeatList.parse("s-010..s-001")).hasMessage("range 's-010..s-001' runs backwards");
        assertThatThrownBy(() -> SeatList.parse("s-001..s-003,s-002")).hasMessage("'s-002' is listed twice");
        assertThatThrownBy(() -> SeatList.parse("s-001..s-999999")).hasMessageStartingWith("more than 1000 seats");
        assertThatThrownBy(() -> SeatList.parse("s-1..s-1000,s-x")).hasMessageStartingWith("more than 1000 seats");
        assertThatThrownBy(() -> SeatList.parse("s-1..s-99999999999")).hasMessageEndingWith("at most 9 digits");
        assertThat(SeatList.parse("s-0001..s-1000")).hasSize(SeatList.MAX_SEATS);
    }
}
