package dev.seatlink.gateway.roster;

import dev.seatlink.protocol.AgentState;
import java.util.List;

/**
 * How closely an agent kept to the roster: the time they were in the scheduled activity over the scheduled time.
 * In scheduled work they adhere when Ready, Busy or in wrap-up; in a scheduled break when Not ready or signed out.
 * The agent's states come as one timeline over all the seats they sat at. Pure.
 */
public final class Adherence {
    private Adherence() {
    }

    /** One change of the agent's state, in time order. */
    public record Change(long at, AgentState state) {
    }

    /**
     * @param adheredMs   time in the scheduled activity
     * @param scheduledMs scheduled time (work and breaks)
     */
    public record Figures(long scheduledMs, long adheredMs) {
        public static final Figures NONE = new Figures(0, 0);

        /** adhered / scheduled, null without a schedule. */
        public Double ratio() {
            return scheduledMs == 0 ? null : (double) adheredMs / scheduledMs;
        }

        public Figures plus(Figures other) {
            return new Figures(scheduledMs + other.scheduledMs, adheredMs + other.adheredMs);
        }
    }

    /**
     * @param initial the agent's state at {@code from}
     * @param changes the agent's changes within {@code [from, to)}, in time order
     */
    public static Figures of(List<Schedule> schedules, AgentState initial, List<Change> changes, long from, long to) {
        long scheduled = schedules.stream().mapToLong(s -> s.scheduledMs(from, to)).sum();
        long adhered = 0;
        AgentState state = initial;
        long since = from;
        for (Change change : changes) {
            adhered += adhered(schedules, state, since, Math.min(change.at(), to));
            state = change.state();
            since = Math.max(from, change.at());
        }
        adhered += adhered(schedules, state, since, to);
        return new Figures(scheduled, adhered);
    }

    private static long adhered(List<Schedule> schedules, AgentState state, long from, long to) {
        if (to <= from) {
            return 0;
        }
        boolean working = state == AgentState.READY || state == AgentState.BUSY || state == AgentState.WRAP_UP;
        boolean away = state == AgentState.NOT_READY || state == AgentState.LOGGED_OUT;
        long ms = 0;
        for (Schedule schedule : schedules) {
            long onBreak = schedule.breaks().stream().mapToLong(b -> b.overlap(from, to)).sum();
            if (working) {
                ms += schedule.shift().overlap(from, to) - onBreak;
            } else if (away) {
                ms += onBreak;
            }
        }
        return ms;
    }
}
