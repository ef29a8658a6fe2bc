package dev.seatlink.gateway.jobs;

import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.floor.Alert;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.HelpRequest;
import dev.seatlink.gateway.shift.HandoverBuilder;
import dev.seatlink.gateway.shift.HandoverJson;
import dev.seatlink.gateway.shift.HandoverReport;
import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.shift.ShiftRecords;
import dev.seatlink.gateway.site.SiteConfig;
import io.vertx.core.Vertx;
import java.util.List;
import org.tinylog.Logger;

/**
 * Every ten seconds: when a shift has ended, its handover report is produced and kept (on a worker). At start the
 * last shift's is produced too if it is missing (the gateway was down at the shift's end); its open items are then
 * only those of the log, the alerts and hands of that moment being gone.
 */
public final class HandoverAtShiftEnd implements PeriodicJob {
    /** Alerts and raised hands are the shift's open items when the report is made this soon after its end. */
    static final long OPEN_ITEMS_WITHIN_MS = 60_000;

    private final Vertx vertx;
    private final FloorModel floor;
    private final HandoverBuilder builder;
    private final ShiftRecords records;
    private final FloorClock clock;
    private long shiftSeen = -1;

    public HandoverAtShiftEnd(Vertx vertx, FloorModel floor, HandoverBuilder builder, ShiftRecords records,
                              FloorClock clock) {
        this.vertx = vertx;
        this.floor = floor;
        this.builder = builder;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public long periodMs() {
        return 10_000;
    }

    @Override
    public void run() {
        long now = clock.millis();
        SiteConfig site = floor.site();
        long start = site.shifts().startOf(now);
        if (start == shiftSeen) {
            return;
        }
        shiftSeen = start;
        long previous = site.shifts().startOf(start - 1);
        boolean justEnded = now - start < OPEN_ITEMS_WITHIN_MS;
        List<Alert> alerts = justEnded ? floor.alerts() : List.of();
        List<HelpRequest> hands = justEnded ? floor.helpQueue(now) : List.of();
        AgentDirectory agents = floor.agents();
        Roster roster = floor.roster();
        vertx.executeBlocking(() -> {
            if (records.handover(previous).isPresent()) {
                return false;
            }
            HandoverReport report = builder.build(site, agents, roster, previous, start, now, true, alerts, hands);
            records.keepHandover(previous, start, now, HandoverJson.write(report));
            return true;
        }, false).onSuccess(made -> {
            if (made) {
                Logger.info("handover report of the shift that began {} kept", java.time.Instant.ofEpochMilli(previous));
            }
        }).onFailure(e -> Logger.error(e, "the handover report of the shift that began {} could not be made",
                java.time.Instant.ofEpochMilli(previous)));
    }
}
