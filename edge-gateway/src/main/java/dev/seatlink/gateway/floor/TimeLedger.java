package dev.seatlink.gateway.floor;

import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.SeatEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time in state, contacts and help waits per agent and seat over a window that starts at
 * {@code windowStart}, built from the seats' transitions in {@code seq} order. Pure: the live floor
 * feeds it as events arrive (window = the current shift), reports feed it from the store.
 *
 * <p>Time is counted from the terminals' own transitions: an interval runs from one event's
 * {@code at} to the next one's of the same boot, clipped to the window. An event before the window
 * only says what state the seat was in when the window opened. While a seat is offline its running interval is
 * counted only up to when it went offline (gateway clock): a terminal switched off for the night is not "Ready" all
 * night in the live figures. Once it is online again, the interval counts on; its next event counts it whole if the
 * same boot sent it (the terminal ran on and knew its state), and not at all after a new boot.
 */
public final class TimeLedger {
    private long windowStart;
    private final Map<String, Open> open = new HashMap<>();
    private final Map<String, Totals> totals = new LinkedHashMap<>();
    /** The same totals by seat, so a team's figures never walk the floor's. */
    private final Map<String, List<Totals>> totalsBySeat = new HashMap<>();
    /** Seats offline now, with when they went offline. */
    private final Map<String, Long> offlineSince = new HashMap<>();

    /** What a seat is doing now: where its running interval started. */
    private record Open(String agent, AgentState state, long since, long seq, boolean help, long helpSince,
                        String boot) {
    }

    private static final class Totals {
        final String seat;
        final String agent;
        final long[] ms = new long[AgentState.values().length];
        int contacts;
        int helpRequests;
        long helpWaitMs;
        long helpWaitMaxMs;

        Totals(String seat, String agent) {
            this.seat = seat;
            this.agent = agent;
        }
    }

    public TimeLedger(long windowStart) {
        this.windowStart = windowStart;
    }

    public long windowStart() {
        return windowStart;
    }

    /** One transition; events at or below the seat's last recorded seq are ignored. */
    public void record(SeatEvent event) {
        Open before = open.get(event.seat());
        if (before != null && event.seq() <= before.seq) {
            return;
        }
        boolean inWindow = event.at() >= windowStart;
        long helpSince = before == null ? event.at() : before.helpSince;
        // A new boot means the terminal was down in between for a time nobody knows: the running interval
        // is not stretched over it (a seat switched off for the night is not "on break" all night).
        boolean sameRun = before != null && before.boot.equals(event.boot());
        if (sameRun && before.agent != null) {
            Totals t = totals(event.seat(), before.agent);
            t.ms[before.state.ordinal()] += Math.max(0, event.at() - Math.max(before.since, windowStart));
            if (before.help && !event.help() && before.helpSince >= windowStart) {
                long waited = Math.max(0, event.at() - before.helpSince);
                t.helpWaitMs += waited;
                t.helpWaitMaxMs = Math.max(t.helpWaitMaxMs, waited);
            }
        }
        if (inWindow && event.agent() != null) {
            boolean raised = event.help() && (before == null || !before.help);
            if (raised) {
                totals(event.seat(), event.agent()).helpRequests++;
            }
            if (event.to() == AgentState.BUSY && event.from() != AgentState.BUSY) {
                totals(event.seat(), event.agent()).contacts++;
            }
        }
        if (event.help() && (before == null || !before.help)) {
            helpSince = event.at();
        }
        open.put(event.seat(), new Open(event.agent(), event.to(), event.at(), event.seq(), event.help(), helpSince,
                event.boot()));
    }

    /** The seat went offline at {@code at}: its running interval stops counting there until it is heard again. */
    public void offline(String seat, long at) {
        offlineSince.put(seat, at);
    }

    /** The seat is online again: its running interval counts on. */
    public void online(String seat) {
        offlineSince.remove(seat);
    }

    /** How many seat-and-agent figures and running intervals it holds: what its memory grows with. */
    public int size() {
        return totals.size() + open.size();
    }

    /** A new shift: the figures start again from zero, what each seat is doing carries on. */
    public void restart(long newWindowStart) {
        windowStart = newWindowStart;
        totals.clear();
        totalsBySeat.clear();
    }

    private Totals totals(String seat, String agent) {
        return totals.computeIfAbsent(key(seat, agent), k -> {
            Totals created = new Totals(seat, agent);
            totalsBySeat.computeIfAbsent(seat, s -> new ArrayList<>()).add(created);
            return created;
        });
    }

    /** Every agent's figures up to {@code end}, running intervals included; one entry per seat and agent. */
    public List<AgentTime> figuresAt(long end) {
        Map<String, AgentTime> result = new LinkedHashMap<>();
        totals.forEach((key, t) -> result.put(key, toFigures(t)));
        open.forEach((seat, running) -> addRunning(result, seat, running, end));
        return new ArrayList<>(result.values());
    }

    /** The same for {@code seats} only (a team's), in their order: nothing of the other seats is read. */
    public List<AgentTime> figuresOf(long end, Collection<String> seats) {
        Map<String, AgentTime> result = new LinkedHashMap<>();
        for (String seat : seats) {
            totalsBySeat.getOrDefault(seat, List.of()).forEach(t -> result.put(key(seat, t.agent), toFigures(t)));
            Open running = open.get(seat);
            if (running != null) {
                addRunning(result, seat, running, end);
            }
        }
        return new ArrayList<>(result.values());
    }

    /** One agent's figures at one seat. */
    private static String key(String seat, String agent) {
        return seat + "\u0000" + agent;
    }

    /** Adds a seat's running interval, up to {@code end}, to its agent's figures. */
    private void addRunning(Map<String, AgentTime> result, String seat, Open running, long end) {
        if (running.agent == null) {
            return;
        }
        String key = key(seat, running.agent);
        AgentTime base = result.getOrDefault(key, AgentTime.zero(seat, running.agent));
        long[] ms = new long[AgentState.values().length];
        long until = countedUntil(seat, end);
        ms[running.state.ordinal()] = runningMs(running, until);
        long waiting = running.help && running.helpSince >= windowStart ? Math.max(0, until - running.helpSince) : 0;
        AgentTime now = new AgentTime(seat, running.agent, toMap(ms), 0, 0, waiting, waiting);
        result.put(key, base.plus(now, seat, running.agent));
    }

    /**
     * Per seat, {busy + wrap-up, busy + wrap-up + ready} ms up to {@code end}, running intervals included:
     * what occupancy needs, every second, without building every agent's figures.
     */
    public Map<String, long[]> handlingBySeat(long end) {
        Map<String, long[]> bySeat = new HashMap<>();
        totals.values().forEach(t -> addHandling(bySeat, t.seat, t.ms[AgentState.BUSY.ordinal()]
                + t.ms[AgentState.WRAP_UP.ordinal()], t.ms[AgentState.READY.ordinal()]));
        open.forEach((seat, running) -> {
            if (running.agent != null) {
                long ms = runningMs(running, countedUntil(seat, end));
                boolean handling = running.state == AgentState.BUSY || running.state == AgentState.WRAP_UP;
                addHandling(bySeat, seat, handling ? ms : 0, running.state == AgentState.READY ? ms : 0);
            }
        });
        return bySeat;
    }

    /** {@code end}, or when the seat went offline if it is offline now. */
    private long countedUntil(String seat, long end) {
        Long off = offlineSince.get(seat);
        return off == null ? end : Math.min(end, off);
    }

    /** How long a running interval has lasted by {@code end}, inside the window. */
    private long runningMs(Open running, long end) {
        return Math.max(0, end - Math.max(running.since, windowStart));
    }

    private static void addHandling(Map<String, long[]> bySeat, String seat, long handlingMs, long readyMs) {
        long[] sums = bySeat.computeIfAbsent(seat, k -> new long[2]);
        sums[0] += handlingMs;
        sums[1] += handlingMs + readyMs;
    }

    private static AgentTime toFigures(Totals t) {
        return new AgentTime(t.seat, t.agent, toMap(t.ms), t.contacts, t.helpRequests, t.helpWaitMs, t.helpWaitMaxMs);
    }

    private static Map<AgentState, Long> toMap(long[] ms) {
        Map<AgentState, Long> map = new java.util.EnumMap<>(AgentState.class);
        for (AgentState state : AgentState.values()) {
            map.put(state, ms[state.ordinal()]);
        }
        return map;
    }
}
