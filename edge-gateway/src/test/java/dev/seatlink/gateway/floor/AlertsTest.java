package dev.seatlink.gateway.floor;

import static dev.seatlink.protocol.AgentState.LOGGED_OUT;
import static dev.seatlink.protocol.AgentState.NOT_READY;
import static dev.seatlink.protocol.AgentState.READY;
import static dev.seatlink.protocol.AgentState.WRAP_UP;
import static dev.seatlink.protocol.AgentState.BUSY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.site.Sites;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertsTest {
    private static final long T = 1_795_420_800_000L; // 2026-11-23 08:00 UTC
    private static final long MIN = 60_000;

    private final FloorModel floor = new FloorModel(Sites.twoTeams(), T);
    private long seq;

    private void move(String seat, String agent, AgentState from, AgentState to, String reason, boolean help, long at) {
        floor.applyEvent(seat, new SeatEvent(seat, agent, from, to, reason, help, at, ++seq, "b", Cause.BUTTON));
    }

    private List<AlertChange> at(long now, Set<String> gaps) {
        return floor.updateAlerts(floor.kpis(now), gaps, now);
    }

    private List<String> activeTypes() {
        return floor.alerts().stream().map(Alert::type).toList();
    }

    @Test
    void aBreakOverItsLimitIsRaisedOnceAndClearedWhenTheAgentIsBack() {
        floor.applyStatus("s-1", SeatStatus.online("b", "1", T), T);
        floor.applyStatus("s-3", SeatStatus.online("b", "1", T), T);
        move("s-3", "a3", LOGGED_OUT, READY, null, false, T);
        move("s-1", "a1", LOGGED_OUT, NOT_READY, "break", false, T);

        assertThat(at(T + 14 * MIN, Set.of())).isEmpty();
        List<AlertChange> raised = at(T + 16 * MIN, Set.of());
        assertThat(raised).singleElement().satisfies(c -> {
            assertThat(c.change()).isEqualTo(AlertChange.RAISED);
            assertThat(c.alert().id()).isEqualTo("not-ready-over-limit:s-1");
            assertThat(c.alert().text()).contains("break").contains("15 min");
        });
        assertThat(at(T + 17 * MIN, Set.of())).isEmpty(); // still holding: nothing new
        move("s-1", "a1", NOT_READY, READY, null, false, T + 18 * MIN);
        assertThat(at(T + 18 * MIN, Set.of())).singleElement()
                .satisfies(c -> assertThat(c.change()).isEqualTo(AlertChange.CLEARED));
    }

    @Test
    void wrapUpHelpOfflineGapAndMinimumReadyAlerts() {
        floor.applyStatus("s-1", SeatStatus.online("b", "1", T), T);
        floor.applyStatus("s-3", SeatStatus.online("b", "1", T), T);
        move("s-1", "a1", LOGGED_OUT, BUSY, null, false, T);
        move("s-1", "a1", BUSY, WRAP_UP, null, true, T + MIN);
        move("s-3", "a3", LOGGED_OUT, NOT_READY, "lunch", false, T);
        floor.applyStatus("s-3", new SeatStatus(false, "b", null, T + MIN), T + MIN);

        at(T + 4 * MIN, Set.of("s-2"));

        assertThat(activeTypes()).containsExactlyInAnyOrder(Alert.WRAP_UP_OVER_LIMIT, Alert.HELP_WAITING,
                Alert.OFFLINE_LOGGED_IN, Alert.SEQUENCE_GAP, Alert.TEAM_BELOW_MIN_READY);
        assertThat(floor.alerts()).filteredOn(a -> a.type().equals(Alert.TEAM_BELOW_MIN_READY))
                .singleElement().satisfies(a -> assertThat(a.team()).isEqualTo("team-a"));
    }

    @Test
    void twoTerminalsTakingTurnsAsOneSeatRaiseAnAlertWhileARestartDoesNot() {
        floor.applyStatus("s-1", SeatStatus.online("first-pi", "1", T), T);
        floor.applyStatus("s-1", SeatStatus.online("restarted", "1", T + 1), T + 1);
        at(T + 2, Set.of());
        assertThat(activeTypes()).doesNotContain(Alert.DUPLICATE_TERMINAL);

        floor.applyStatus("s-2", SeatStatus.online("pi-a", "1", T), T);
        floor.applyStatus("s-2", SeatStatus.online("pi-b", "1", T + 1), T + 1);
        floor.applyStatus("s-2", SeatStatus.online("pi-a", "1", T + 2), T + 2);
        at(T + 3, Set.of());

        assertThat(floor.alerts()).filteredOn(a -> a.type().equals(Alert.DUPLICATE_TERMINAL))
                .singleElement().satisfies(a -> assertThat(a.seat()).isEqualTo("s-2"));
    }

    @Test
    void nobodyStaffedRaisesNoMinimumReadyAlert() {
        at(T, Set.of());

        assertThat(floor.alerts()).isEmpty();
    }
}
