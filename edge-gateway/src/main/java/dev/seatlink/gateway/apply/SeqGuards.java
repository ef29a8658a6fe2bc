package dev.seatlink.gateway.apply;

import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.link.RejectLog;
import dev.seatlink.protocol.Command;
import dev.seatlink.protocol.Ids;
import dev.seatlink.protocol.RejectReason;
import dev.seatlink.protocol.SeatEvent;
import org.tinylog.Logger;

/**
 * The two guards that keep one seat's bad sequence from blinding it: a seq too far beyond the last applied
 * one is refused and the seat asked to replay; a new boot sending at or below what the floor holds is sent
 * its config with {@code lastSeq}. Each correction at most once per {@value #CORRECTION_INTERVAL_MS} ms per seat.
 */
final class SeqGuards {
    /** At most one replay after a seq jump, or one config to a seat behind the floor, per seat this often. */
    static final long CORRECTION_INTERVAL_MS = 10_000;

    private final FloorModel floor;
    private final SeatProgress applied;
    private final Metrics metrics;
    private final RejectLog rejectLog;
    private final SeatOutbox outbox;
    private final FloorClock clock;
    private final SeatPace corrections = new SeatPace(CORRECTION_INTERVAL_MS);
    private final ReplayIds replayIds;

    SeqGuards(FloorModel floor, SeatProgress applied, Metrics metrics, RejectLog rejectLog, SeatOutbox outbox,
              FloorClock clock, ReplayIds replayIds) {
        this.floor = floor;
        this.applied = applied;
        this.metrics = metrics;
        this.rejectLog = rejectLog;
        this.outbox = outbox;
        this.clock = clock;
        this.replayIds = replayIds;
    }

    /**
     * Whether a seq is too far beyond the seat's last applied one to be taken on its own. A seat with nothing
     * applied yet is taken at its word (a new gateway meets terminals with long histories).
     */
    boolean jumpsTooFar(String seat, long seq) {
        long last = applied.lastApplied(seat);
        return last > 0 && seq - last > FloorUpdater.MAX_SEQ_JUMP;
    }

    /**
     * Refuses a seq jump and asks the seat to replay from its last applied seq: a real terminal fills the gap
     * in order (or, its events gone for good, sends a run that {@link JumpRuns} takes); a forged seq changes
     * nothing.
     */
    void refuseJump(String seat, long seq, String what) {
        long last = applied.lastApplied(seat);
        long now = clock.millis();
        metrics.rejected(RejectReason.SEQ_JUMP);
        rejectLog.rejected("seat " + seat, RejectReason.SEQ_JUMP, what + " seq " + seq + " is " + (seq - last)
                + " beyond the last applied " + last + " (at most " + FloorUpdater.MAX_SEQ_JUMP + ")");
        floor.seqJumped(seat, now);
        if (corrections.due(seat, now)) {
            metrics.replaySent();
            outbox.ask(seat, new Command.Replay(replayIds.next(), last + 1, now));
        }
    }

    /**
     * A newer event from another boot at or below what the floor holds: the terminal restarted behind the
     * floor and every press would be dropped as a duplicate. Its config with {@code lastSeq} tells it where
     * to continue.
     */
    void checkBehind(String seat, SeatEvent event) {
        SeatProgress.Progress last = applied.of(seat);
        if (last == null || event.seq() > last.seq() || event.boot().equals(last.boot()) || event.at() <= last.at()) {
            return;
        }
        long now = clock.millis();
        floor.restartedBehind(seat, now);
        if (corrections.due(seat, now)) {
            metrics.seatBehind();
            Logger.warn("seat {}: boot {} sends seq {} but the floor holds up to {} (a replaced terminal or a lost "
                    + "data directory?); sending its config so it continues above {}", seat, Ids.printable(event.boot()),
                    event.seq(), last.seq(), last.seq());
            outbox.config(seat);
        }
    }
}
