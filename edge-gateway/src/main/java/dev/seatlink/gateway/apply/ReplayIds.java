package dev.seatlink.gateway.apply;

import java.util.UUID;

/**
 * The ids of the {@code replay} asks this gateway sends: {@code rp-{mark}-{uuid}}, the mark its own for the life of
 * the process. A pair's gateway hears its own asks on the seats' command topics besides its partner's, and answers
 * only the partner's from its store ({@link dev.seatlink.gateway.partner.PartnerFill}): its own, heard after the
 * seat's answer was stored, would send the seat's events once more.
 */
public final class ReplayIds {
    private final String ownPrefix = "rp-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    /** A new id for a replay this gateway asks. */
    public String next() {
        return ownPrefix + UUID.randomUUID();
    }

    /** Whether {@code commandId} is a replay this gateway asked. */
    public boolean isOwn(String commandId) {
        return commandId.startsWith(ownPrefix);
    }
}
