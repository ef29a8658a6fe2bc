package dev.seatlink.gateway.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.seatlink.gateway.floor.SeatView;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The seats of {@code /api/floor} as JSON, each written once per change: at 10,000 seats serialising
 * every seat on every request was most of its time. Kept by position in the floor's seat order and
 * checked against the view it was written from — by identity first, since the model keeps one view
 * object per change, so an unchanged seat costs a pointer comparison and a stale entry is impossible.
 * Used from the floor's event-loop context only.
 */
final class SeatJson {
    private SeatView[] views = new SeatView[0];
    private RawJson[] json = new RawJson[0];

    /** The seats, in order, as one JSON array. */
    JsonSerializable all(List<SeatView> current) {
        if (views.length != current.size()) {
            views = Arrays.copyOf(views, current.size());
            json = Arrays.copyOf(json, current.size());
        }
        for (int i = 0; i < views.length; i++) {
            SeatView view = current.get(i);
            if (views[i] != view && (views[i] == null || !views[i].equals(view))) {
                views[i] = view;
                json[i] = RawJson.of(view);
            }
        }
        return new Written(json.clone());
    }

    private record Written(RawJson[] seats) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartArray();
            for (RawJson seat : seats) {
                gen.writeRawValue(seat.json());
            }
            gen.writeEndArray();
        }

        @Override
        public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
                throws IOException {
            serialize(gen, serializers);
        }
    }
}
