package dev.seatlink.gateway.web;

import dev.seatlink.gateway.floor.AlertChange;
import dev.seatlink.gateway.floor.SeatView;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * What the floor tells wallboards as it changes: {@code event: seat} on every seat change (at most four
 * a second per seat, latest wins; a raised hand at once), {@code event: kpis} with the live figures, help
 * queue and alerts, {@code event: alert} for each alert raised or cleared (never held back),
 * {@code event: site} after the site config was edited (the page reloads the floor).
 */
public final class LiveUpdates {
    private final SseStream stream;
    private final LongSupplier clock;
    private final SeatThrottle<SeatView> throttle = new SeatThrottle<>();
    private final Set<String> handsUp = new HashSet<>();

    public LiveUpdates(SseStream stream, LongSupplier clock) {
        this.stream = stream;
        this.clock = clock;
    }

    public void seat(SeatView view) {
        boolean raised = view.help() && handsUp.add(view.seat());
        if (!view.help()) {
            handsUp.remove(view.seat());
        }
        throttle.offer(view.seat(), view, raised, clock.getAsLong()).forEach(this::send);
    }

    /** Sends the seat updates that were held back and are now due (call every few tens of ms). */
    public void flushHeld() {
        throttle.due(clock.getAsLong()).forEach(this::send);
    }

    private void send(SeatView view) {
        stream.send("seat", Json.write(view));
    }

    public void kpis(RawJson live) {
        stream.send("kpis", live.text());
    }

    public void alert(AlertChange change) {
        stream.send("alert", Json.write(change));
    }

    public void siteChanged() {
        stream.send("site", "{}");
    }
}
