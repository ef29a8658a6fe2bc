package dev.seatlink.gateway.web;

import com.fasterxml.jackson.core.io.SerializedString;
import dev.seatlink.gateway.floor.SeatView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each seat's JSON, written once per change and reused by the stream's {@code seat} events and by
 * {@code /api/floor}: at 10,000 seats, serialising every seat on every request was most of that
 * request's time. A seat's view is compared with the one its JSON was written from (the model keeps one
 * view object per change, so mostly by identity), so a stale entry is impossible. Used from the floor's event-loop context only.
 */
public final class SeatJson {
    private final Map<String, Written> bySeat = new HashMap<>();

    private record Written(SeatView view, RawJson json) {
    }

    RawJson of(SeatView view) {
        Written written = bySeat.get(view.seat());
        if (written == null || written.view != view && !written.view.equals(view)) {
            written = new Written(view, new RawJson(new SerializedString(Json.write(view))));
            bySeat.put(view.seat(), written);
        }
        return written.json;
    }

    /** The seats' JSON in their order; forgets seats that are no longer on the floor. */
    List<RawJson> all(List<SeatView> views) {
        List<RawJson> out = new ArrayList<>(views.size());
        views.forEach(view -> out.add(of(view)));
        if (bySeat.size() > views.size()) {
            Set<String> current = new HashSet<>();
            views.forEach(view -> current.add(view.seat()));
            bySeat.keySet().retainAll(current);
        }
        return out;
    }
}
