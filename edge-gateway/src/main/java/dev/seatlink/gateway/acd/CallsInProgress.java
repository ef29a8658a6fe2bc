package dev.seatlink.gateway.acd;

import java.util.Map;

/**
 * Where the AMI link keeps the calls its members answered and have not ended, so that a gateway restarted meanwhile
 * can still end, on its first {@code QueueStatus}, one that ended while it was down (else the seat stays Busy).
 * Called on the link's own thread only.
 */
public interface CallsInProgress {
    /** What was kept, by member; empty when nothing was (or it cannot be read: said in the log). */
    Map<String, CallInProgress> load();

    /** Keeps these, replacing what was kept; a failure is logged, never thrown (the calls go on regardless). */
    void save(Map<String, CallInProgress> calls);

    /** A member's answered call: the caller's channel ({@code Uniqueid}), its leg ({@code DestUniqueid}) or null. */
    record CallInProgress(String callId, String leg) {
    }
}
