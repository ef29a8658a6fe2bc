package dev.seatlink.gateway.badges;

import dev.seatlink.gateway.agents.Agent;
import dev.seatlink.gateway.apply.CommandSender;
import dev.seatlink.gateway.audit.AuditEntry;
import dev.seatlink.gateway.audit.AuditTrail;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.floor.SeatView;
import dev.seatlink.gateway.lease.GatewayRole;
import dev.seatlink.gateway.lease.Role;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.BadgeRead;
import dev.seatlink.protocol.Command;
import java.util.Optional;
import java.util.UUID;
import org.tinylog.Logger;

/**
 * Hot-desking: a badge read at a seat signs its agent in there. The badge is looked up in the agent directory; an
 * agent signed in at another seat is signed out of it first ({@code set-state LOGGED_OUT} by {@value #BY}), then
 * the seat is told who signed in ({@code sign-in}, with the name its display greets them by). A badge nobody has,
 * or an inactive agent's, gets a message on the seat's display and nothing else. Only the primary sends. Each
 * sign-in is audited. Runs on the floor's context.
 */
public final class BadgeDesk {
    static final String BY = "badge";

    private final FloorModel floor;
    private final CommandSender send;
    private final GatewayRole role;
    private final AuditTrail audit;
    private final FloorClock clock;

    public BadgeDesk(FloorModel floor, CommandSender send, GatewayRole role, AuditTrail audit, FloorClock clock) {
        this.floor = floor;
        this.send = send;
        this.role = role;
        this.audit = audit;
        this.clock = clock;
    }

    /** A badge read at {@code seat} (a seat of the site config). */
    public void take(String seat, BadgeRead read) {
        if (role.role() != Role.PRIMARY || !floor.knows(seat)) {
            return;
        }
        long now = clock.millis();
        Optional<Agent> agent = floor.agents().byBadge(read.badge());
        if (agent.isEmpty() || !agent.get().active()) {
            String why = agent.isEmpty() ? "Badge not known: see your team leader" : "Badge of an inactive agent";
            send.command(seat, new Command.ShowMessage(UUID.randomUUID().toString(), why, BY, now));
            audit.record(new AuditEntry(now, BY, seat, "badge-sign-in", "badge " + read.badge(), AuditEntry.REFUSED,
                    agent.isEmpty() ? "unknown badge" : "agent " + agent.get().id() + " is not active", null));
            Logger.warn("seat {}: badge {} refused ({})", seat, read.badge(), agent.isEmpty() ? "unknown"
                    : "inactive agent " + agent.get().id());
            return;
        }
        String id = agent.get().id();
        floor.seatsSignedInBy(id).stream().map(SeatView::seat).filter(other -> !other.equals(seat))
                .forEach(other -> {
                    send.command(other, new Command.SetState(UUID.randomUUID().toString(), AgentState.LOGGED_OUT, null,
                            BY, now));
                    Logger.info("agent {} badged in at seat {}: signed out of seat {}", id, seat, other);
                });
        Command.SignIn signIn = new Command.SignIn(UUID.randomUUID().toString(), id, displayName(agent.get().name()),
                now);
        send.command(seat, signIn);
        audit.record(new AuditEntry(now, BY, seat, "badge-sign-in", "agent " + id, AuditEntry.SENT, null,
                signIn.id()));
        Logger.info("agent {} badged in at seat {}", id, seat);
    }

    /** The agent's name as the display shows it: what fits. */
    private static String displayName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String printable = name.strip().replaceAll("\\p{Cntrl}", " ");
        return printable.length() <= Command.SignIn.MAX_NAME_LENGTH ? printable
                : printable.substring(0, Command.SignIn.MAX_NAME_LENGTH);
    }
}
