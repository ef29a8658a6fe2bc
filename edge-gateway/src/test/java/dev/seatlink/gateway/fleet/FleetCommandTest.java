package dev.seatlink.gateway.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.terminal.testing.StandInServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code tools/seatlink fleet} against a stand-in gateway. */
class FleetCommandTest {
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aGatewayThatStopsMidAnswerFailsTheCommandOnceTheBoundIsUpInsteadOfHoldingItForEver() throws Exception {
        try (StandInServer gateway = StandInServer.stallingAfter("{\"seats\":[")) {
            FleetCommand fleet = new FleetCommand();
            fleet.gateway = gateway.url();
            fleet.wholeAnswer = Duration.ofMillis(300);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream stderr = System.err;
            int exit;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                exit = fleet.call();
            } finally {
                System.setErr(stderr);
            }

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("FAIL: cannot read " + gateway.url()
                    + "/api/fleet: no whole answer from /api/fleet within 300 ms" + System.lineSeparator());
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theFleetIsAskedForInHttp11AsABrowserAsksNotWithAnUpgradeToHttp2() throws Exception {
        try (StandInServer gateway = StandInServer.answering("{\"seats\":[]}")) {
            FleetCommand fleet = new FleetCommand();
            fleet.gateway = gateway.url();
            PrintStream stdout = System.out;
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            try {
                fleet.call();
            } finally {
                System.setOut(stdout);
            }

            assertThat(gateway.upgradesAsked()).isEmpty();
        }
    }
}
