package dev.seatlink.gateway.cti;

import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.CtiEvent;
import dev.seatlink.protocol.Ids;
import io.vertx.core.Future;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Where the phone system's events enter the floor, from the webhook and the {@code cti} topic alike: each is
 * mapped to its seat by the site config (the ACD's agent or device name), taken once by its id, and forwarded to
 * the seat, which applies it and remains the only writer of its own state. Only the primary forwards, so a floor's
 * pair sends nothing twice; a standby still remembers the ids, so one resent after a takeover is known. Runs on the
 * floor's event loop.
 */
public final class CtiIntake {
    /** About a minute of a 2,000-seat floor's calls at 100 a second, each call a handful of events. */
    static final int REMEMBERED_IDS = 50_000;

    private final FloorModel floor;
    private final GatewayRole role;
    private final CallSender sender;
    private final Metrics metrics;
    private final PauseReports pauses;
    private final FloorClock clock;
    private final RecentIds recent = new RecentIds(REMEMBERED_IDS);

    public CtiIntake(FloorModel floor, GatewayRole role, CallSender sender, Metrics metrics, PauseReports pauses,
                     FloorClock clock) {
        this.floor = floor;
        this.clock = clock;
        this.pauses = pauses;
        this.role = role;
        this.sender = sender;
        this.metrics = metrics;
    }

    /**
     * Takes one valid event; the outcome is counted and returned once it is settled (a forward once the broker has
     * it), for the webhook to answer by. A forward that fails is forgotten, so the sender's retry is not a repeat.
     */
    public Future<CtiOutcome> take(CtiEvent event) {
        Optional<SeatSpec> mapped = floor.site().seatForAcd(event.agent());
        CtiOutcome outcome = route(event, mapped);
        if (outcome != CtiOutcome.FORWARDED) {
            metrics.cti(outcome);
            return Future.succeededFuture(outcome);
        }
        String seat = mapped.orElseThrow().seat();
        return sender.call(event.toSeat(seat)).map(sent -> {
            metrics.cti(CtiOutcome.FORWARDED);
            return CtiOutcome.FORWARDED;
        }).onFailure(failure -> {
            recent.forget(event.id());
            metrics.cti(CtiOutcome.FAILED);
            Logger.warn("phone event {} ({}) for seat {} not forwarded: {}", Ids.printable(event.id()),
                    event.type().wire(), seat, failure.getMessage());
        });
    }

    /** An event that was not valid (the webhook's or the topic's), counted with the others. */
    public void invalid() {
        metrics.cti(CtiOutcome.INVALID);
    }

    /** What to do with it, for the seat it maps to (if any): FORWARDED means forward it now. */
    private CtiOutcome route(CtiEvent event, Optional<SeatSpec> seat) {
        if (seat.isEmpty()) {
            Logger.debug("phone event {} for '{}': no seat of the site config has that name on the phone system",
                    event.type().wire(), Ids.printable(event.agent(), 80));
            return CtiOutcome.UNMAPPED;
        }
        if (!recent.firstTime(event.id())) {
            return CtiOutcome.REPEAT;
        }
        floor.callHeard(seat.get().seat(), event, clock.millis()); // both gateways of a pair keep the figures
        if (event.type().aboutThePause()) {
            pauses.reported(seat.get(), event.type() == CallEventType.AGENT_PAUSED, event.reason());
            return CtiOutcome.PAUSE;
        }
        return role.role() == Role.PRIMARY ? CtiOutcome.FORWARDED : CtiOutcome.STANDBY;
    }
}
