package dev.seatlink.gateway.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;

/** A value already written as JSON, copied as it is into a larger document (its UTF-8 bytes are kept). */
public record RawJson(SerializedString json) implements JsonSerializable {

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeRawValue(json);
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    static RawJson of(Object value) {
        return new RawJson(new SerializedString(Json.write(value)));
    }

    /** The JSON text. */
    String text() {
        return json.getValue();
    }
}
