package dev.seatlink.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.SeatView;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.site.SiteConfigLoader;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.Decoded;
import dev.seatlink.protocol.RejectReason;
import dev.seatlink.protocol.SeatEvent;
import dev.seatlink.protocol.SeatStatus;
import dev.seatlink.protocol.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FloorUpdaterTest {
    private static final long T = 1_763_900_000_000L;
    private final AtomicLong now = new AtomicLong(T);
    private final Metrics metrics = new Metrics();
    private final List<SeatView> changes = new ArrayList<>();
    private final List<String> commandsTo = new ArrayList<>();
    private final FloorUpdater updater = new FloorUpdater(new FloorModel(new SiteConfigLoader().loadDemo(), System.currentTimeMillis()), metrics,
            new RejectLog(now::get), changes::add, (seat, command) -> {
                assertThat(command).isInstanceOf(Command.Rebirth.class);
                commandsTo.add(seat);
            }, (seat, result) -> { }, now::get, 2_000);

    private static Decoded.Accepted event(String seat, long seq) {
        return new Decoded.Accepted(Topic.seat("hq", "f1", seat, Topic.Kind.EVENT),
                new SeatEvent(seat, null, AgentState.LOGGED_OUT, AgentState.READY, null, false, T, seq, "b", Cause.BUTTON));
    }

    private static Decoded.Accepted online(String seat) {
        return new Decoded.Accepted(Topic.seat("hq", "f1", seat, Topic.Kind.STATUS), SeatStatus.online("b", "1", T));
    }

    @Test
    void aChangeIsReportedOnceWithTheSeatsNewView() {
        updater.apply(online("s-001"), T);
        updater.apply(event("s-001", 1), T);
        updater.apply(event("s-001", 1), T);

        assertThat(changes).extracting(SeatView::state).containsExactly("LOGGED_OUT", "READY");
        assertThat(metrics.duplicateCount()).isEqualTo(1);
    }

    @Test
    void aGapStillOpenAfterTheTimeoutAsksTheSeatToReplay() {
        List<Command> sent = new ArrayList<>();
        FloorUpdater withReplay = new FloorUpdater(new FloorModel(new SiteConfigLoader().loadDemo(), System.currentTimeMillis()), metrics,
                new RejectLog(now::get), changes::add, (seat, command) -> sent.add(command), (seat, result) -> { }, now::get,
                2_000);
        withReplay.apply(online("s-001"), T);
        withReplay.apply(event("s-001", 1), T);
        withReplay.apply(event("s-001", 4), T);

        now.addAndGet(2_000);
        withReplay.tick();

        assertThat(sent).singleElement().isInstanceOfSatisfying(Command.Replay.class,
                replay -> assertThat(replay.from()).isEqualTo(2));
        assertThat(metrics.replayCount()).isEqualTo(1);
    }

    @Test
    void aSeatHeardBeforeItsStatusIsAskedForARebirthAtMostEvery30Seconds() {
        updater.apply(event("s-002", 1), T);
        updater.apply(event("s-002", 2), T);
        now.addAndGet(FloorUpdater.REBIRTH_INTERVAL_MS);
        updater.apply(event("s-002", 3), T);

        assertThat(commandsTo).containsExactly("s-002", "s-002");
    }

    @Test
    void aSeatOutsideTheMapIsCountedAsRejected() {
        updater.apply(event("s-999", 1), T);

        assertThat(metrics.rejectedCount(RejectReason.UNKNOWN_SEAT)).isEqualTo(1);
        assertThat(changes).isEmpty();
    }

    @Test
    void aGapIsHeldAndCountedThenFilledInOrder() {
        updater.apply(online("s-001"), T);
        updater.apply(event("s-001", 1), T);
        updater.apply(event("s-001", 3), T);
        assertThat(metrics.gapCount()).isEqualTo(1);
        assertThat(changes).extracting(SeatView::seq).containsExactly(0L, 1L);

        updater.apply(event("s-001", 2), T);

        assertThat(changes).extracting(SeatView::seq).containsExactly(0L, 1L, 2L, 3L);
    }
}
