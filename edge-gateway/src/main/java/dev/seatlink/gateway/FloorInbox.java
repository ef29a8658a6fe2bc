package dev.seatlink.gateway;

import dev.seatlink.gateway.apply.FloorUpdater;
import dev.seatlink.gateway.badges.BadgeDesk;
import dev.seatlink.gateway.cti.CtiIntake;
import dev.seatlink.gateway.ingest.IngestPipeline;
import dev.seatlink.protocol.BadgeRead;
import dev.seatlink.protocol.CtiEvent;
import dev.seatlink.protocol.Decoded;

/**
 * Where each stored delivery goes: the phone system's events to the CTI intake, badge reads to the badge desk, what
 * seats say to the floor.
 */
final class FloorInbox implements IngestPipeline.Applier {
    private final FloorUpdater updater;
    private final CtiIntake cti;
    private final BadgeDesk badges;

    FloorInbox(FloorUpdater updater, CtiIntake cti, BadgeDesk badges) {
        this.updater = updater;
        this.cti = cti;
        this.badges = badges;
    }

    @Override
    public void apply(Decoded.Accepted message, long rx, boolean retained) {
        if (message.message() instanceof CtiEvent event) {
            if (!retained) { // a retained one is an old event left on the topic by a careless adapter
                cti.take(event);
            }
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
