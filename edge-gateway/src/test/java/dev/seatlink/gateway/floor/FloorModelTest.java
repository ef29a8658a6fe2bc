package dev.seatlink.gateway.floor;

import static dev.seatlink.protocol.AgentState.BUSY;
import static dev.seatlink.protocol.AgentState.LOGGED_OUT;
import static dev.seatlink.protocol.AgentState.NOT_READY;
import static dev.seatlink.protocol.AgentState.READY;
import static dev.seatlink.protocol.AgentState.WRAP_UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.Sites;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.CtiEvent;
import dev.seatlink.protocol.Pending;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatState;
import dev.seatlink.protocol.SeatStatus;
import org.junit.jupiter.api.Test;

class FloorModelTest {
    private static final long T = 1_763_900_000_000L;
    private static final SiteConfig MAP = Sites.twoTeams();

    private final FloorModel floor = new FloorModel(MAP, T);

    private static SeatEvent event(long seq, AgentState from, AgentState to, String reason, boolean help, long at) {
        return new SeatEvent("s-1", "a1", from, to, reason, help, at, seq, "boot-1", Cause.BUTTON);
    }

    private void online() {
        floor.applyStatus("s-1", SeatStatus.online("boot-1", "1.0", T), T);
    }

    @Test
    void aSeatNeverHeardFromIsOfflineWithTheSeatMapsAgent() {
        SeatView view = floor.seat("s-1").orElseThrow();

        assertThat(view.state()).isEqualTo(SeatView.OFFLINE);
        assertThat(view.online()).isFalse();
        assertThat(view.since()).isNull();
        assertThat(view.agent()).isEqualTo("a1");
        assertThat(view.seq()).isZero();
    }

    @Test
    void aSeatOnlineBeforeItsFirstSnapshotShowsLoggedOut() {
        online();

        SeatView view = floor.seat("s-1").orElseThrow();
        assertThat(view.state()).isEqualTo("LOGGED_OUT");
        assertThat(view.online()).isTrue();
        assertThat(view.since()).isNull();
    }

    @Test
    void anEventMovesTheSeatAndStartsItsTimeInState() {
        online();

        Applied applied = floor.applyEvent("s-1", event(1, LOGGED_OUT, READY, null, false, T + 5));

        assertThat(applied.changed()).isTrue();
        assertThat(floor.seat("s-1").orElseThrow())
                .isEqualTo(new SeatView("s-1", "team-a", "a1", "READY", null, false, T + 5, true, 1, 0, 0, "regular", null,
                        null, null));
    }

    @Test
    void aStatePendingDuringTheContactShowsOnTheSeatWithoutRestartingItsTimeAndGoesWhenTheContactEnds() {
        online();
        floor.applyEvent("s-1", event(1, READY, BUSY, null, false, T + 5));

        floor.applyEvent("s-1", new SeatEvent("s-1", "a1", BUSY, BUSY, null, false, T + 9, 2, "boot-1", Cause.BUTTON,
                Pending.notReady("lunch")));

        SeatView busy = floor.seat("s-1").orElseThrow();
        assertThat(busy.pending()).isEqualTo(Pending.notReady("lunch"));
        assertThat(busy.since()).as("still the same call").isEqualTo(T + 5);

        floor.applyEvent("s-1", event(3, WRAP_UP, NOT_READY, "lunch", false, T + 60));

        assertThat(floor.seat("s-1").orElseThrow().pending()).isNull();
        assertThat(floor.seat("s-1").orElseThrow().reason()).isEqualTo("lunch");
    }

    @Test
    void aDuplicateSeqIsDroppedAndChangesNothing() {
        online();
        floor.applyEvent("s-1", event(1, LOGGED_OUT, READY, null, false, T));
        floor.applyEvent("s-1", event(2, READY, BUSY, null, false, T + 1));

        Applied again = floor.applyEvent("s-1", event(1, LOGGED_OUT, NOT_READY, "break", false, T + 9));

        assertThat(again.effect()).isEqualTo(Applied.Effect.DUPLICATE);
        assertThat(floor.seat("s-1").orElseThrow().state()).isEqualTo("BUSY");
    }

    @Test
    void aGapIsCountedAndTheNewerEventStillApplied() {
        online();
        floor.applyEvent("s-1", event(4, LOGGED_OUT, READY, null, false, T));

        Applied applied = floor.applyEvent("s-1", event(7, READY, BUSY, null, false, T + 1));

        assertThat(applied.missing()).isEqualTo(2);
        assertThat(floor.seat("s-1").orElseThrow().seq()).isEqualTo(7);
    }

    @Test
    void theFirstEventSeenFromASeatIsNoGap() {
        online();

        assertThat(floor.applyEvent("s-1", event(5012, LOGGED_OUT, READY, null, false, T)).missing()).isZero();
    }

    @Test
    void raisingHelpKeepsTheTimeInState() {
        online();
        floor.applyEvent("s-1", event(1, LOGGED_OUT, READY, null, false, T));

        floor.applyEvent("s-1", event(2, READY, READY, null, true, T + 60_000));

        SeatView view = floor.seat("s-1").orElseThrow();
        assertThat(view.help()).isTrue();
        assertThat(view.since()).isEqualTo(T);
    }

    @Test
    void aNewNotReadyReasonRestartsTheTimeInState() {
        online();
        floor.applyEvent("s-1", event(1, READY, NOT_READY, "break", false, T));

        floor.applyEvent("s-1", event(2, NOT_READY, NOT_READY, "lunch", false, T + 1000));

        assertThat(floor.seat("s-1").orElseThrow().since()).isEqualTo(T + 1000);
    }

    @Test
    void offlineStatusShowsOfflineFromTheGatewaysReceiveTime() {
        online();
        floor.applyEvent("s-1", event(1, LOGGED_OUT, READY, null, true, T));

        Applied applied = floor.applyStatus("s-1", SeatStatus.offline("boot-1", T - 50_000), T + 9_000);

        assertThat(applied.changed()).isTrue();
        SeatView view = floor.seat("s-1").orElseThrow();
        assertThat(view.state()).isEqualTo(SeatView.OFFLINE);
        assertThat(view.since()).isEqualTo(T + 9_000);
        assertThat(view.help()).isFalse();
    }

    @Test
    void aLateLastWillFromAnOlderBootIsIgnored() {
        floor.applyStatus("s-1", SeatStatus.online("boot-2", "1.0", T), T);

        Applied applied = floor.applyStatus("s-1", SeatStatus.offline("boot-1", T), T + 1);

        assertThat(applied.effect()).isEqualTo(Applied.Effect.STALE_WILL);
        assertThat(floor.seat("s-1").orElseThrow().online()).isTrue();
    }

    @Test
    void aSnapshotOlderThanWhatWasAppliedIsIgnored() {
        online();
        floor.applyEvent("s-1", event(9, READY, BUSY, null, false, T));

        Applied applied = floor.applyState("s-1", new SeatState("s-1", "a1", READY, null, false, T - 5, 8, "boot-1"));

        assertThat(applied.effect()).isEqualTo(Applied.Effect.STALE_STATE);
        assertThat(floor.seat("s-1").orElseThrow().state()).isEqualTo("BUSY");
    }

    @Test
    void aSnapshotCarriesTheAuthoritativeSince() {
        online();

        floor.applyState("s-1", new SeatState("s-1", "a1", NOT_READY, "lunch", false, T - 600_000, 40, "boot-1"));

        SeatView view = floor.seat("s-1").orElseThrow();
        assertThat(view.since()).isEqualTo(T - 600_000);
        assertThat(view.reason()).isEqualTo("lunch");
        assertThat(view.seq()).isEqualTo(40);
    }

    @Test
    void dataBeforeAnyStatusAsksForARebirth() {
        Applied applied = floor.applyEvent("s-1", event(1, LOGGED_OUT, READY, null, false, T));

        assertThat(applied.rebirth()).isTrue();
        online();
        assertThat(floor.applyEvent("s-1", event(2, READY, BUSY, null, false, T)).rebirth()).isFalse();
    }

    @Test
    void seatsOutsideTheSeatMapAreUnknown() {
        assertThat(floor.applyEvent("s-9", new SeatEvent("s-9", null, READY, BUSY, null, false, T, 1, "b", Cause.BUTTON))
                .effect()).isEqualTo(Applied.Effect.UNKNOWN_SEAT);
        assertThat(floor.applyStatus("s-9", SeatStatus.online("b", null, T), T).effect())
                .isEqualTo(Applied.Effect.UNKNOWN_SEAT);
    }

    @Test
    void countsCoverTheFloorAndEachTeamWithEveryStatePresent() {
        online();
        floor.applyEvent("s-1", event(1, LOGGED_OUT, READY, null, true, T));

        FloorCounts counts = floor.counts();

        assertThat(counts.seats()).isEqualTo(3);
        assertThat(counts.online()).isEqualTo(1);
        assertThat(counts.help()).isEqualTo(1);
        assertThat(counts.states()).containsEntry("READY", 1).containsEntry("OFFLINE", 2).containsEntry("BUSY", 0);
        assertThat(counts.teams().get("team-a")).containsEntry("READY", 1);
        assertThat(counts.teams().get("team-b")).containsEntry("OFFLINE", 1);
    }

    private long readyMs(long now) {
        return floor.agentTimes(now).stream().filter(t -> "s-1".equals(t.seat())).findFirst().orElseThrow().ms(READY);
    }

    @Test
    void aSeatThatWentOfflineStopsCountingItsTimeInStateUntilItIsOnlineAgain() {
        online();
        floor.applyEvent("s-1", event(1, LOGGED_OUT, READY, null, false, T + 1_000));
        floor.applyStatus("s-1", SeatStatus.offline("boot-1", T), T + 61_000); // switched off a minute later

        assertThat(readyMs(T + 600_000)).as("not Ready while switched off").isEqualTo(60_000);
        assertThat(floor.kpiInputs(T + 600_000).handlingBySeat().get("s-1")[1]).isEqualTo(60_000);

        floor.applyStatus("s-1", SeatStatus.online("boot-1", "1.0", T + 120_000), T + 121_000);
        assertThat(readyMs(T + 181_000)).as("the same boot: it ran on, Ready, all along").isEqualTo(180_000);
    }

    @Test
    void aCallAnsweredBeforeTheGatewayStartedIsCountedFromWhenItsSeatWentBusyWhenItEnds() {
        online();
        floor.applyEvent("s-1", event(1, READY, BUSY, null, false, T + 5_000)); // answered, unheard here
        floor.callHeard("s-1", new CtiEvent("e1", CallEventType.CALL_ENDED, "PJSIP/1001", "c1", T + 65_000, null),
                T + 65_000);

        assertThat(floor.calls().of("a1").handled()).isEqualTo(1);
        assertThat(floor.calls().of("a1").talkMs()).isEqualTo(60_000);
    }
}
