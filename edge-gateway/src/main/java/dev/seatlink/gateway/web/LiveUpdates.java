package dev.seatlink.gateway.web;

import dev.seatlink.gateway.apply.SeatChanges;
import dev.seatlink.gateway.floor.AlertChange;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.SeatView;
import java.util.HashSet;
import java.util.Set;

/**
 * What the floor tells wallboards as it changes: {@code event: seat} on every seat change (at most four
 * a second per seat, latest wins; a raised hand at once), {@code event: kpis} with the live figures, help
 * queue and alerts, {@code event: alert} for each alert raised or cleared (never held back),
 * {@code event: site} after the site config was edited (the page reloads the floor).
 */
public final class LiveUpdates implements SeatChanges {
    private final SseStream stream;
    private final FloorClock clock;
    private final SeatThrottle<SeatView> throttle = new SeatThrottle<>();
    private final Set<String> handsUp = new HashSet<>();

    public LiveUpdates(SseStream stream, FloorClock clock) {
        this.stream = stream;
        this.clock = clock;
    }

    @Override
    public void seatChanged(SeatView view) {
        boolean raised = view.help() && handsUp.add(view.seat());
        if (!view.help()) {
            handsUp.remove(view.seat());
        }
        throttle.offer(view.seat(), view, raised, clock.millis()).forEach(this::send);
    }

    /** Sends the seat updates that were held back and are now due (call every few tens of ms). */
    public void flushHeld() {
        throttle.due(clock.millis()).forEach(this::send);
    }

    private void send(SeatView view) {
        stream.send("seat", Json.write(view));
    }

    /** The tick's figures, written only when a wallboard is listening. */
    public void kpis(LiveFigures figures) {
        if (stream.size() > 0) {
            stream.send("kpis", figures.json().text());
        }
    }

    public void alert(AlertChange change) {
        stream.send("alert", Json.write(change));
    }

    public void siteChanged() {
        stream.send("site", "{}");
    }
}
