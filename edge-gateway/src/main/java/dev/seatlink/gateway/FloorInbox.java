package dev.seatlink.gateway;

import dev.seatlink.gateway.apply.FloorUpdater;
import dev.seatlink.gateway.badges.BadgeDesk;
import dev.seatlink.gateway.cti.CtiIntake;
import dev.seatlink.gateway.ingest.IngestPipeline;
import dev.seatlink.gateway.moves.MovesFromPrimary;
import dev.seatlink.gateway.shift.ShiftRecordsFromPrimary;
import dev.seatlink.protocol.BadgeRead;
import dev.seatlink.protocol.CtiEvent;
import dev.seatlink.protocol.FloorMoves;
import dev.seatlink.protocol.ShiftRecord;
import dev.seatlink.protocol.Decoded;

/**
 * Where each stored delivery goes: the phone system's events to the CTI intake, badge reads to the badge desk, the
 * primary's moves to the layout and its shift records to this gateway's, what seats say to the floor.
 */
final class FloorInbox implements IngestPipeline.Applier {
    private final FloorUpdater updater;
    private final CtiIntake cti;
    private final BadgeDesk badges;
    private final MovesFromPrimary moves;
    private final ShiftRecordsFromPrimary shift;

    FloorInbox(FloorUpdater updater, CtiIntake cti, BadgeDesk badges, MovesFromPrimary moves,
               ShiftRecordsFromPrimary shift) {
        this.updater = updater;
        this.cti = cti;
        this.badges = badges;
        this.moves = moves;
        this.shift = shift;
    }

    @Override
    public void apply(Decoded.Accepted message, long rx, boolean retained) {
        if (message.message() instanceof CtiEvent event) {
            if (!retained) { // a retained one is an old event left on the topic by a careless adapter
                cti.heard(event);
            }
            return;
        }
        if (message.message() instanceof ShiftRecord record) {
            shift.heard(record);
            return;
        }
        if (message.message() instanceof FloorMoves published) {
            moves.heard(published);
            return;
        }
        if (message.message() instanceof BadgeRead read) {
            if (!retained) { // a badge read is now or never: one left retained on the topic is stale
                badges.take(message.topic().seat(), read);
            }
            return;
        }
        updater.apply(message, rx, retained);
    }
}
