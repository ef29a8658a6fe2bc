package dev.seatlink.gateway.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.testing.FreePorts;
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
            FleetCommand fleet = aimedAt(gateway);
            fleet.wholeAnswer = Duration.ofMillis(300);
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            assertThat(call(fleet, err)).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("FAIL: cannot read " + gateway.url()
                    + "/api/fleet: no whole answer from /api/fleet within 300 ms" + System.lineSeparator());
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theFleetIsAskedForInHttp11AsABrowserAsksNotWithAnUpgradeToHttp2() throws Exception {
        try (StandInServer gateway = StandInServer.answering("{\"seats\":[]}")) {
            call(aimedAt(gateway), new ByteArrayOutputStream());

            assertThat(gateway.upgradesAsked()).isEmpty();
        }
    }

    @Test
    void aGatewayNobodyRunsIsSaidInWordsNotAsNull() throws Exception {
        FleetCommand fleet = new FleetCommand();
        fleet.gateway = "http://127.0.0.1:" + FreePorts.next();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(call(fleet, err)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("FAIL: cannot read " + fleet.gateway
                + "/api/fleet: nothing answers there (connection refused: is it running, and is the address right?)"
                + System.lineSeparator());
    }

    private static FleetCommand aimedAt(StandInServer gateway) {
        FleetCommand fleet = new FleetCommand();
        fleet.gateway = gateway.url();
        return fleet;
    }

    /** Runs the command, what it writes to standard error into {@code err} and its table nowhere; its exit code. */
    private static int call(FleetCommand fleet, ByteArrayOutputStream err) throws Exception {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return fleet.call();
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
