package dev.seatlink.centre.report;

import static dev.seatlink.centre.report.CopiedEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.central.CentralStore;
import dev.seatlink.gateway.testing.PostgresPerClass;
import dev.seatlink.gateway.testing.PostgresServer;
import dev.seatlink.protocol.AgentState;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Time in state across floors, from events two floors' gateways copied to the centre store. */
class CentreReportsTest {
    static final long DAY = 1_800_000_000_000L - 1_800_000_000_000L % 86_400_000L; // a midnight, UTC
    static final long MIN = 60_000;
    @RegisterExtension
    static final PostgresPerClass postgres = new PostgresPerClass();

    @BeforeAll
    static void storeTwoFloors() throws Exception {
        try (CentralStore store = new CentralStore(postgres.url(), PostgresServer.USER, null)) {
            // f1: ready from 30 min before the day (the lookback finds it), busy 9:00-9:10, ready again
            store.insert("hq", "f1", "hq-f1-gateway-a", List.of(
                    event("s-1", 1, AgentState.LOGGED_OUT, AgentState.READY, DAY - 30 * MIN),
                    event("s-1", 2, AgentState.READY, AgentState.BUSY, DAY + 540 * MIN),
                    event("s-1", 3, AgentState.BUSY, AgentState.READY, DAY + 550 * MIN)));
            // f2: busy twice for 5 min within the day
            store.insert("hq", "f2", "hq-f2-gateway-b", List.of(
                    event("s-7", 1, AgentState.LOGGED_OUT, AgentState.BUSY, DAY + 60 * MIN),
                    event("s-7", 2, AgentState.BUSY, AgentState.READY, DAY + 65 * MIN),
                    event("s-7", 3, AgentState.READY, AgentState.BUSY, DAY + 70 * MIN),
                    event("s-7", 4, AgentState.BUSY, AgentState.LOGGED_OUT, DAY + 75 * MIN)));
        }
    }

    @Test
    void eachFloorsTimeInStateIsClippedToTheDayAndCountsItsEntries() throws Exception {
        List<StateTime> rows = new CentreReports(postgres.url(), PostgresServer.USER, null)
                .timeInState(DAY, DAY + 1_440 * MIN, DAY + 2_000 * MIN);

        assertThat(rows).contains(
                new StateTime("hq", "f1", "READY", (540 + 1_440 - 550) * MIN, 1),
                new StateTime("hq", "f1", "BUSY", 10 * MIN, 1),
                new StateTime("hq", "f2", "BUSY", 10 * MIN, 2),
                new StateTime("hq", "f2", "READY", 5 * MIN, 1));
        assertThat(rows).filteredOn(r -> r.floor().equals("f2") && r.state().equals("LOGGED_OUT"))
                .singleElement().satisfies(r -> assertThat(r.ms()).isEqualTo((1_440 - 75) * MIN));
    }

    @Test
    void aStateStillHeldCountsUntilNowNotTheEndOfThePeriod() throws Exception {
        List<StateTime> rows = new CentreReports(postgres.url(), PostgresServer.USER, null)
                .timeInState(DAY, DAY + 1_440 * MIN, DAY + 600 * MIN);
        assertThat(rows).contains(new StateTime("hq", "f1", "READY", (540 + 600 - 550) * MIN, 1));
    }
}
