package dev.seatlink.gateway.calls;

/**
 * One call as the store keeps it for reports: handled (answered, ended, with the wrap-up that followed) or missed.
 * Times in milliseconds; {@code at} is when it ended (or rang out), gateway clock.
 *
 * @param agent  who took it, or null at a seat without an agent
 * @param waitMs the caller's queue wait before answer, null when the ACD did not say (or missed)
 */
public record CallRecord(String seat, String agent, String team, String callId, long at, long talkMs, long holdMs,
                         Long waitMs, long wrapUpMs, boolean missed) {

    /** The same handled call with the wrap-up that followed it. */
    CallRecord wrappedUp(long wrap) {
        return new CallRecord(seat, agent, team, callId, at, talkMs, holdMs, waitMs, wrap, missed);
    }

    /** As figures, to sum. */
    public CallFigures figures() {
        return missed ? CallFigures.NONE.missedOne()
                : CallFigures.NONE.handled(talkMs, holdMs, waitMs).wrappedUp(wrapUpMs);
    }
}
