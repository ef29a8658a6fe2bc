package dev.seatlink.gateway.cti;

import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.jobs.PeriodicJob;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.protocol.CallEvent;
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
 * pair sends nothing twice; a standby still remembers the ids, so one resent after a takeover is known.
 *
 * <p>The webhook's sender sends again what the broker did not take ({@link #take}); nobody resends what comes on the
 * topic or from the AMI link ({@link #heard}), so those wait in a {@link PhoneBacklog} until the broker has them, in
 * the order heard — and a standby keeps the last 30 s of them and forwards them when it takes the lease: the primary
 * may have died before it forwarded them. Forwarding one twice is harmless (the seat drops an id it has applied, and a
 * pair's AMI links give Asterisk's events the same ids); dropping one is not — a lost {@code call.ended} leaves the
 * seat Busy. Runs on the floor's event loop; as a {@link PeriodicJob} it sends again what is owed.
 */
public final class CtiIntake implements PeriodicJob {
    /** About a minute of a 2,000-seat floor's calls at 100 a second, each call a handful of events. */
    static final int REMEMBERED_IDS = 50_000;
    /** Forwards on their way at once; one while the broker refuses them, so a dead link costs one warning a second. */
    static final int WINDOW = 100;

    private final FloorModel floor;
    private final GatewayRole role;
    private final CallSender sender;
    private final Metrics metrics;
    private final PauseReports pauses;
    private final FloorClock clock;
    private final RecentIds recent = new RecentIds(REMEMBERED_IDS);
    private final PhoneBacklog backlog = new PhoneBacklog();
    private boolean refused;
    private boolean dropping;
    private boolean sending;
    private boolean sendAgain;

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

    /** An event from the topic or the AMI link: the primary forwards it once the broker takes it; a standby keeps it. */
    public void heard(CtiEvent event) {
        Optional<SeatSpec> mapped = floor.site().seatForAcd(event.agent());
        CtiOutcome outcome = route(event, mapped);
        if (outcome != CtiOutcome.FORWARDED) {
            metrics.cti(outcome);
        }
        if (outcome == CtiOutcome.FORWARDED || outcome == CtiOutcome.STANDBY) {
            if (backlog.keep(event.toSeat(mapped.orElseThrow().seat()), clock.millis())) {
                metrics.cti(CtiOutcome.DROPPED);
                if (!dropping) {
                    dropping = true;
                    Logger.error("{} phone events wait for the broker: the oldest are dropped", backlog.size());
                }
            }
            sendOwed();
        }
    }

    @Override
    public long periodMs() {
        return 1_000;
    }

    @Override
    public void run() {
        sendOwed();
    }

    /**
     * Sends what is owed, oldest first, while primary (also called when this gateway takes the floor up); a standby
     * forgets what it heard more than {@link PhoneBacklog#STANDBY_KEEP_MS} ago.
     */
    public void sendOwed() {
        if (role.role() != Role.PRIMARY) {
            backlog.forgetHeardBefore(clock.millis() - PhoneBacklog.STANDBY_KEEP_MS);
            metrics.ctiOwed(backlog.size());
            return;
        }
        if (sending) { // a forward the broker took at once, from inside the loop below: it goes round again
            sendAgain = true;
            return;
        }
        sending = true;
        try {
            do {
                sendAgain = false;
                backlog.next(refused ? 1 : WINDOW).forEach(this::forward);
            } while (sendAgain);
        } finally {
            sending = false;
        }
        metrics.ctiOwed(backlog.size());
    }

    private void forward(CallEvent event) {
        sender.call(event).onSuccess(sent -> {
            backlog.sent(event.id());
            dropping = dropping && backlog.size() > 0;
            metrics.cti(CtiOutcome.FORWARDED);
            if (refused) {
                refused = false;
                Logger.info("phone events reach the broker again; {} to send", backlog.size());
            }
            sendOwed();
        }).onFailure(failure -> {
            backlog.failed(event.id());
            metrics.cti(CtiOutcome.FAILED);
            metrics.ctiOwed(backlog.size());
            if (!refused) {
                refused = true;
                Logger.warn("phone event {} ({}) for seat {} not forwarded: {}; it and the {} after it are sent again, "
                        + "in order, once the broker takes them", Ids.printable(event.id()), event.type().wire(),
                        event.seat(), failure.getMessage(), backlog.size() - 1);
            }
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
