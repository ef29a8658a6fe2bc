package dev.seatlink.gateway.calls;

/**
 * One agent's (or group's) calls over a window. Times in milliseconds.
 *
 * @param handled  calls answered and ended
 * @param talkMs   answered to ended, over the handled calls
 * @param wrapUpMs the wrap-up that followed each handled call
 * @param waitMs   the callers' time in the queue before answer, over the {@code waited} calls the ACD said it of
 * @param missed   calls offered and not answered (ring, no answer)
 * @param holdMs   time callers were on hold
 */
public record CallFigures(int handled, long talkMs, long wrapUpMs, long waitMs, int waited, int missed, long holdMs) {
    public static final CallFigures NONE = new CallFigures(0, 0, 0, 0, 0, 0, 0);

    public CallFigures plus(CallFigures other) {
        return new CallFigures(handled + other.handled, talkMs + other.talkMs, wrapUpMs + other.wrapUpMs,
                waitMs + other.waitMs, waited + other.waited, missed + other.missed, holdMs + other.holdMs);
    }

    /** Talk plus wrap-up per handled call; 0 without calls. */
    public long averageHandleMs() {
        return handled == 0 ? 0 : (talkMs + wrapUpMs) / handled;
    }

    /** Average speed of answer: the callers' queue wait per answered call the ACD reported it of; null when none. */
    public Long averageSpeedOfAnswerMs() {
        return waited == 0 ? null : waitMs / waited;
    }

    /** These figures with one more handled call. */
    CallFigures handled(long talk, long hold, Long wait) {
        return new CallFigures(handled + 1, talkMs + talk, wrapUpMs, waitMs + (wait == null ? 0 : wait),
                waited + (wait == null ? 0 : 1), missed, holdMs + hold);
    }

    CallFigures wrappedUp(long wrap) {
        return new CallFigures(handled, talkMs, wrapUpMs + wrap, waitMs, waited, missed, holdMs);
    }

    CallFigures missedOne() {
        return new CallFigures(handled, talkMs, wrapUpMs, waitMs, waited, missed + 1, holdMs);
    }
}
