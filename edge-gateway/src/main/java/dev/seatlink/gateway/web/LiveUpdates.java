package dev.seatlink.gateway.web;

import dev.seatlink.gateway.floor.FloorCounts;
import dev.seatlink.gateway.floor.SeatView;

/** What the floor tells wallboards as it changes: {@code event: seat} and {@code event: kpis} on the stream. */
public final class LiveUpdates {
    private final SseStream stream;

    public LiveUpdates(SseStream stream) {
        this.stream = stream;
    }

    public void seat(SeatView view) {
        stream.send("seat", Json.write(view));
    }

    public void kpis(FloorCounts counts) {
        stream.send("kpis", Json.write(FloorSnapshot.Kpis.of(counts)));
    }
}
