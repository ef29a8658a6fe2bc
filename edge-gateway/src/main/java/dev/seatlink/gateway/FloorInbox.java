package dev.seatlink.gateway;

import dev.seatlink.gateway.apply.FloorUpdater;
import dev.seatlink.gateway.cti.CtiIntake;
import dev.seatlink.gateway.ingest.IngestPipeline;
import dev.seatlink.protocol.CtiEvent;
import dev.seatlink.protocol.Decoded;

/** Where each stored delivery goes: the phone system's events to the CTI intake, what seats say to the floor. */
final class FloorInbox implements IngestPipeline.Applier {
    private final FloorUpdater updater;
    private final CtiIntake cti;

    FloorInbox(FloorUpdater updater, CtiIntake cti) {
        this.updater = updater;
        this.cti = cti;
    }

    @Override
    public void apply(Decoded.Accepted message, long rx, boolean retained) {
        if (message.message() instanceof CtiEvent event) {
            if (!retained) { // a retained one is an old event left on the topic by a careless adapter
                cti.take(event);
            }
            return;
        }
        updater.apply(message, rx, retained);
    }
}
