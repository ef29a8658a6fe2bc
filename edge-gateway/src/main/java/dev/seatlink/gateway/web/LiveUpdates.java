package dev.seatlink.gateway.web;

import dev.seatlink.gateway.floor.AlertChange;
import dev.seatlink.gateway.floor.SeatView;

/**
 * What the floor tells wallboards as it changes: {@code event: seat} on every seat change,
 * {@code event: kpis} with the live figures, help queue and alerts, {@code event: alert} for each alert
 * raised or cleared, {@code event: site} after the site config was edited (the page reloads the floor).
 */
public final class LiveUpdates {
    private final SseStream stream;

    public LiveUpdates(SseStream stream) {
        this.stream = stream;
    }

    public void seat(SeatView view) {
        stream.send("seat", Json.write(view));
    }

    public void kpis(FloorSnapshot.Live live) {
        stream.send("kpis", Json.write(live));
    }

    public void alert(AlertChange change) {
        stream.send("alert", Json.write(change));
    }

    public void siteChanged() {
        stream.send("site", "{}");
    }
}
