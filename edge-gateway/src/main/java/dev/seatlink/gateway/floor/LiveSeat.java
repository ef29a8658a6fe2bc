package dev.seatlink.gateway.floor;

import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.Pending;
import dev.seatlink.protocol.SeatStatus;

/** The mutable record the floor model keeps per seat; never leaves the model (see {@link SeatView}). */
final class LiveSeat {
    SeatSpec spec;
    Boolean online;
    String boot;
    String firmware;
    /** The terminal's journal disk problem from its status, or null. */
    String disk;
    long offlineSince;
    String agent;
    AgentState state;
    String reason;
    Pending pending;
    boolean help;
    long helpSince;
    long since;
    long seq;
    /** When events were last given up as lost (gateway clock), 0 if never. */
    long lostEventsAt;
    /** When a message of the seat's was last refused as a seq jump (gateway clock), 0 if never. */
    long seqJumpAt;
    /** Since when the phone system's queue pause has differed from this seat's state; 0 while in step. */
    long acdOutOfStepSince;
    /** Since when its terminal sends seqs below what the floor holds (a replaced Pi), 0 if not. */
    long behindSince;
    long bootSeenAt;
    /** The boot before the current one, to tell two terminals sharing the seat's id from a restart. */
    String previousBoot;
    /** When two terminals were last seen taking turns as this seat (gateway clock), 0 if never. */
    long duplicateSeenAt;
    /**
     * The terminal's timestamps of this boot's last online statuses: one seen again is the broker redelivering
     * it (after a node's restart), not the seat speaking — it must not bring a dead seat back online.
     */
    private final long[] recentOnlineTs = new long[4];
    private int nextOnlineTs;
    int reconnects;
    long lastEventAt;
    long missing;

    /** The view as last built; the floor model drops it with {@link #changed()} whenever a shown field changes. */
    /** Where the view finds the agent's name (the floor's current agent directory). */
    AgentDirectory names = AgentDirectory.EMPTY;
    private SeatView shown;

    LiveSeat(SeatSpec spec) {
        this.spec = spec;
        this.agent = spec.agent();
    }

    boolean isOnline() {
        return Boolean.TRUE.equals(online);
    }

    /** Whether an agent is signed in at the seat as far as its last report says, connected or not. */
    boolean loggedIn() {
        return state != null && state.signedIn();
    }

    FleetEntry fleet() {
        return new FleetEntry(spec.seat(), spec.team(), agent, isOnline(), firmware, boot, bootSeenAt, reconnects,
                lastEventAt, missing, disk);
    }

    /**
     * OFFLINE exactly when the terminal is not connected; a connected terminal whose snapshot has not
     * arrived yet counts as logged out.
     */
    String shownState() {
        return !isOnline() ? SeatView.OFFLINE : state == null ? AgentState.LOGGED_OUT.name() : state.name();
    }

    /** Whether the seat shows a raised hand (only while connected). */
    boolean showsHelp() {
        return isOnline() && help;
    }

    void changed() {
        shown = null;
    }

    /** Built once per change: /api/floor, the KPIs and the stream read every seat's view many times a second. */
    SeatView view() {
        if (shown == null) {
            shown = build();
        }
        return shown;
    }

    SeatView build() {
        boolean up = isOnline();
        String shown = shownState();
        Long from = up ? (state == null ? null : since) : (online == null ? null : offlineSince);
        boolean raised = showsHelp();
        return new SeatView(spec.seat(), spec.team(), agent, shown, up ? reason : null, raised, from, up, seq,
                spec.x(), spec.y(), spec.skill(), raised ? helpSince : null, up ? pending : null,
                names.nameOf(agent));
    }

    /** A terminal's online or offline status, received at {@code rx} (gateway clock). */
    Applied applyStatus(SeatStatus status, long rx) {
        if (!status.online()) {
            if (boot != null && !boot.equals(status.boot())) {
                return Applied.of(Applied.Effect.STALE_WILL);
            }
            boolean wasOnline = !Boolean.FALSE.equals(online);
            online = false;
            boot = status.boot();
            if (wasOnline) {
                offlineSince = rx;
            }
            changed();
            return Applied.of(wasOnline ? Applied.Effect.CHANGED : Applied.Effect.UNCHANGED);
        }
        if (status.boot().equals(boot) && wasSaidBefore(status.ts())) {
            return Applied.of(Applied.Effect.REDELIVERED_STATUS);
        }
        boolean cameBack = !isOnline();
        if (cameBack) {
            reconnects++;
        }
        if (!status.boot().equals(boot) || bootSeenAt == 0) {
            bootSeenAt = rx;
        }
        if (boot != null && !status.boot().equals(boot)) {
            // A process's boot id is new at every start and never comes back: one that does is a second
            // terminal configured with this seat's id, the two knocking each other off the broker.
            if (status.boot().equals(previousBoot)) {
                duplicateSeenAt = rx;
            }
            previousBoot = boot;
        }
        if (!status.boot().equals(boot)) {
            java.util.Arrays.fill(recentOnlineTs, Long.MIN_VALUE);
        }
        recentOnlineTs[nextOnlineTs] = status.ts();
        nextOnlineTs = (nextOnlineTs + 1) % recentOnlineTs.length;
        online = true;
        boot = status.boot();
        firmware = status.fw();
        disk = status.disk();
        changed();
        return Applied.of(cameBack ? Applied.Effect.CHANGED : Applied.Effect.UNCHANGED);
    }

    private boolean wasSaidBefore(long ts) {
        for (long said : recentOnlineTs) {
            if (said == ts) {
                return true;
            }
        }
        return false;
    }
}
