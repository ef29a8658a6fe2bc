package dev.seatlink.gateway.apply;

import dev.seatlink.protocol.SeatEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events beyond the seq-jump bound, per seat, until they prove a real stream: {@value #RUN} in a row from
 * one boot, seq after seq. A terminal whose missing events are gone for good (the broker dropped them and
 * its journal no longer keeps them) sends such a run when asked to replay and as its agent goes on; one
 * forged or stray message never completes one. Holds at most {@value #RUN} − 1 events per seat. Pure.
 */
final class JumpRuns {
    static final int RUN = 3;

    private final Map<String, List<SeatEvent>> runs = new HashMap<>();

    /** The run this event completes, in seq order and ending with it; empty while the run is still short. */
    List<SeatEvent> offer(SeatEvent event) {
        List<SeatEvent> run = runs.get(event.seat());
        if (run == null || !continues(run.get(run.size() - 1), event)) {
            run = new ArrayList<>();
            runs.put(event.seat(), run);
        }
        run.add(event);
        if (run.size() < RUN) {
            return List.of();
        }
        runs.remove(event.seat());
        return run;
    }

    private static boolean continues(SeatEvent previous, SeatEvent next) {
        return next.seq() == previous.seq() + 1 && next.boot().equals(previous.boot());
    }
}
